import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { canReadFile } from '@/lib/files/access';
import { contestRanking, loadBrochurePdfInput } from '@/lib/promotion/queries';
import { renderBrochurePdf } from '@/lib/promotion/brochure-pdf';
import { createBrochure, createPromotionEvent, createPromotionSchedule, saveContestSheet, setContest } from '@/lib/promotion/service';
import { DEFAULT_CONTEST_CRITERIA } from '@/lib/promotion/schema';
import { notifyPromotionReminders } from '@/lib/worker/promotion-reminders';
import { createCreationScope, insertHonour, submitDeclaration } from '../support/brands';
import { createOrg, createUser } from '../support/factories';
import { extractPdfText } from '../support/pdf-text';

const context = (actorId: string) => ({ actorId, ip: '10.9.20.5' });
const reader = async (userId: string) => ({ id: userId, roles: await loadGrants(db, userId) });

async function promotionScope() {
  const city = await createOrg({ levelLabel: '市委' });
  const committee = await createOrg({ parent: city, levelLabel: '党工委' });
  const sibling = await createOrg({ parent: city, levelLabel: '党工委' });
  const branches = [];
  for (let index = 0; index < 4; index++) branches.push(await createOrg({ parent: committee }));
  const outside = await createOrg({ parent: sibling });
  const staff = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: committee.id }] });
  const siblingStaff = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: sibling.id }] });
  const experts = [await createUser({ roles: [{ role: 'EXPERT', organizationId: city.id }] }), await createUser({ roles: [{ role: 'EXPERT', organizationId: city.id }] })];
  const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branches[0]!.id }] });
  const program = await db.demoProgram.create({ data: { ownerOrgId: city.id, title: `示范建设-${Date.now()}`, startYear: 2026 } });
  const site = (organizationId: string, name: string, status: 'ACTIVE' | 'REVOKED' = 'ACTIVE') => db.demoSite.create({ data: { programId: program.id, organizationId, name, status, ...(status === 'REVOKED' ? { revokedAt: new Date(), revokeReason: '复查不达标，撤销示范点称号' } : {}) } });
  const sites = [await site(branches[0]!.id, '幸福里示范点'), await site(branches[1]!.id, '光明示范点'), await site(branches[2]!.id, '已摘牌示范点', 'REVOKED'), await site(outside.id, '外单位示范点')];
  const brands = await Promise.all(branches.map((branch, index) => db.brand.create({ data: { organizationId: branch.id, name: `擂台品牌${index + 1}-${Date.now()}` } })));
  return { city, committee, sibling, branches, staff, siblingStaff, experts, secretary, sites, brands };
}

const photo = (userId: string) =>
  db.storedFile.create({ data: { kind: 'IMAGE', storageKey: `promo-${Date.now()}-${Math.random()}`, mimeType: 'image/jpeg', size: 10, sha256: 'x', originalName: '观摩.jpg', uploadedById: userId } });

describe('宣传推广 events', () => {
  it('records an event visiting active sites of the subtree in order, with photos only its staff read', async () => {
    const scope = await promotionScope();
    const image = await photo(scope.staff.id);
    const base = { ownerOrgId: scope.committee.id, kind: 'OBSERVATION' as const, title: '一季度现场观摩会', heldAt: '2026-03-20T09:30', place: '幸福里社区', participants: '各支部书记', summary: '观摩两个示范点' };
    const { id } = await createPromotionEvent({ ...base, siteIds: [scope.sites[1]!.id, scope.sites[0]!.id], photoFileIds: [image.id] }, context(scope.staff.id));
    const event = await db.promotionEvent.findUniqueOrThrow({ where: { id }, select: { heldAt: true, sites: { orderBy: { sortOrder: 'asc' }, select: { siteId: true } }, files: true } });
    expect(event.heldAt.toISOString()).toBe('2026-03-20T01:30:00.000Z');
    expect(event.sites.map((row) => row.siteId)).toEqual([scope.sites[1]!.id, scope.sites[0]!.id]);
    expect(event.files).toHaveLength(1);
    expect(await canReadFile(await reader(scope.staff.id), image.id)).toBe('private');
    expect(await canReadFile(await reader(scope.siblingStaff.id), image.id)).toBe(false);
    expect(await canReadFile(await reader(scope.secretary.id), image.id)).toBe(false);

    // A revoked site, a site outside the subtree, another subtree's staff, a photo used already: refused, nothing written.
    const before = await db.promotionEvent.count();
    await expect(createPromotionEvent({ ...base, siteIds: [scope.sites[2]!.id] }, context(scope.staff.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createPromotionEvent({ ...base, siteIds: [scope.sites[3]!.id] }, context(scope.staff.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createPromotionEvent({ ...base, siteIds: [] }, context(scope.siblingStaff.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createPromotionEvent({ ...base, photoFileIds: [image.id] }, context(scope.staff.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await db.promotionEvent.count()).toBe(before);
  });
});

describe('擂台比武 scoring and ranking', () => {
  it('judges score on the event criteria, submits lock, parallel submits end in one, ranking averages with ties', async () => {
    const scope = await promotionScope();
    const { id: eventId } = await createPromotionEvent({ ownerOrgId: scope.committee.id, kind: 'CONTEST', title: '书记擂台比武', heldAt: '2026-06-18T14:00' }, context(scope.staff.id));
    expect((await db.promotionEvent.findUniqueOrThrow({ where: { id: eventId } })).criteria).toEqual(DEFAULT_CONTEST_CRITERIA);
    const entries = scope.branches.map((branch, index) => ({ organizationId: branch.id, brandId: scope.brands[index]!.id, presenter: `书记${index + 1}`, topic: `汇报${index + 1}` }));
    const criteria = [
      { name: '品牌定位', maxPoints: 30 },
      { name: '工作成效', maxPoints: 40 },
      { name: '现场表现', maxPoints: 30 },
    ];
    const panel = { eventId, criteria, judgeIds: scope.experts.map((expert) => expert.id), entries };
    // A judge must be an expert or staff in scope; an entry must be in the subtree.
    await expect(setContest({ ...panel, judgeIds: [scope.secretary.id] }, context(scope.staff.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(setContest({ ...panel, entries: [{ organizationId: scope.sibling.id }] }, context(scope.staff.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(setContest(panel, context(scope.siblingStaff.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setContest(panel, context(scope.staff.id));
    const rows = await db.contestEntry.findMany({ where: { eventId }, orderBy: { sortOrder: 'asc' } });
    expect(rows.map((row) => row.presenter)).toEqual(['书记1', '书记2', '书记3', '书记4']);

    const [judge1, judge2] = scope.experts;
    // Out of range, a stranger, missing points on submit.
    await expect(saveContestSheet({ entryId: rows[0]!.id, scores: [31, 10, 10] }, context(judge1!.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(saveContestSheet({ entryId: rows[0]!.id, scores: [10, 10, 10] }, context(scope.staff.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(saveContestSheet({ entryId: rows[0]!.id, scores: [10, null, 10], submit: true }, context(judge1!.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await saveContestSheet({ entryId: rows[0]!.id, scores: [20, null, 20] }, context(judge1!.id));
    // Scoring started: the panel and criteria are locked.
    await expect(setContest(panel, context(scope.staff.id))).rejects.toMatchObject({ code: 'CONFLICT' });

    // Two parallel submits of one sheet: one stands, the other is refused; the sheet holds one of them, locked.
    const outcomes = await Promise.allSettled([
      saveContestSheet({ entryId: rows[0]!.id, scores: [25, 35, 25], submit: true }, context(judge1!.id)),
      saveContestSheet({ entryId: rows[0]!.id, scores: [24, 34, 24], submit: true }, context(judge1!.id)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const sheet = await db.contestScore.findUniqueOrThrow({ where: { entryId_judgeId: { entryId: rows[0]!.id, judgeId: judge1!.id } } });
    expect([85, 82]).toContain(sheet.total);
    expect(sheet.submittedAt).not.toBeNull();
    await expect(saveContestSheet({ entryId: rows[0]!.id, scores: [1, 1, 1] }, context(judge1!.id))).rejects.toMatchObject({ code: 'CONFLICT' });

    // Parallel submits by both judges over all entries.
    const points: Record<number, [number[], number[]]> = {
      1: [[25, 30, 25], [25, 30, 25]], // 80, 80 → 80
      2: [[20, 30, 20], [30, 35, 25]], // 70, 90 → 80 (tied with entry 2)
      3: [[10, 10, 10], [10, 10, 10]], // 30
    };
    await Promise.all(
      Object.entries(points).flatMap(([index, [first, second]]) => [
        saveContestSheet({ entryId: rows[Number(index)]!.id, scores: first, submit: true }, context(judge1!.id)),
        saveContestSheet({ entryId: rows[Number(index)]!.id, scores: second, submit: true }, context(judge2!.id)),
      ]),
    );
    // Judge 2 saves a draft for entry 1 only: drafts do not count.
    await saveContestSheet({ entryId: rows[0]!.id, scores: [1, 1, 1] }, context(judge2!.id));
    const ranking = await contestRanking(eventId);
    const firstTotal = sheet.total;
    expect(ranking.map((row) => [row.presenter, row.average, row.rank, row.isTied, row.sheets])).toEqual([
      ['书记1', firstTotal, 1, false, 1],
      ['书记2', 80, 2, true, 2],
      ['书记3', 80, 2, true, 2],
      ['书记4', 30, 4, false, 2],
    ]);
  });
});

describe('宣传推广 schedules', () => {
  it('reminds the owner admins 7 days before a quarter ends without an event, once across parallel scans, then once overdue', async () => {
    const scope = await promotionScope();
    const { id: scheduleId } = await createPromotionSchedule(
      { ownerOrgId: scope.committee.id, kind: 'OBSERVATION', title: '一季度一次现场观摩', recurrence: 'QUARTERLY', startsOn: '2030-01-01' },
      context(scope.staff.id),
    );
    const notices = (kind: string) => db.notification.findMany({ where: { recipientId: scope.staff.id, kind, dedupeKey: { contains: scheduleId } } });
    // 2030-03-26 07:30 Shanghai: inside the last 7 days of Q1 but before 08:00 → nothing yet.
    await notifyPromotionReminders(new Date('2030-03-25T23:30:00Z'));
    expect(await notices('PROMOTION_DUE')).toHaveLength(0);
    await Promise.all([notifyPromotionReminders(new Date('2030-03-26T01:00:00Z')), notifyPromotionReminders(new Date('2030-03-26T01:00:00Z'))]);
    await notifyPromotionReminders(new Date('2030-03-27T02:00:00Z'));
    const due = await notices('PROMOTION_DUE');
    expect(due).toHaveLength(1);
    expect(due[0]!.title).toContain('2030年第一季度');
    expect(await db.notification.count({ where: { recipientId: scope.siblingStaff.id, dedupeKey: { contains: scheduleId } } })).toBe(0);

    await Promise.all([notifyPromotionReminders(new Date('2030-04-02T01:00:00Z')), notifyPromotionReminders(new Date('2030-04-02T01:00:00Z'))]);
    expect(await notices('PROMOTION_OVERDUE')).toHaveLength(1);

    // An event of the schedule held in Q2 (Shanghai time) silences Q2's reminder.
    await createPromotionEvent({ ownerOrgId: scope.committee.id, kind: 'OBSERVATION', scheduleId, title: '二季度观摩', heldAt: '2030-05-10T09:00' }, context(scope.staff.id));
    await notifyPromotionReminders(new Date('2030-06-28T01:00:00Z'));
    expect(await notices('PROMOTION_DUE')).toHaveLength(1);
    // A schedule's kind must match the event's.
    await expect(
      createPromotionEvent({ ownerOrgId: scope.committee.id, kind: 'CONTEST', scheduleId, title: '比武', heldAt: '2030-05-10T09:00' }, context(scope.staff.id)),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('宣传画册', () => {
  it('renders an A4 PDF with the cover, contents and a page per honoured brand, Chinese in its text layer', async () => {
    const scope = await createCreationScope(2);
    const [first, second] = scope.branches;
    const honoured = await submitDeclaration(scope.campaign.id, first!.branch.id, first!.secretary.id, '红色先锋驿站');
    await insertHonour({ campaignId: scope.campaign.id, applicationId: honoured, actorId: scope.eastAdmin.id, awardName: '十佳党建品牌' });
    const plain = await submitDeclaration(scope.campaign.id, second!.branch.id, second!.secretary.id, '未获表彰品牌');
    const brandOf = async (applicationId: string) => (await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { brandId: true } })).brandId!;
    const input = { ownerOrgId: scope.east.id, title: '东区党建品牌宣传画册', subtitle: '2026年版' };
    await expect(createBrochure({ ...input, brandIds: [await brandOf(plain)] }, context(scope.eastAdmin.id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createBrochure({ ...input, brandIds: [await brandOf(honoured)] }, context(scope.westAdmin.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { id } = await createBrochure({ ...input, brandIds: [await brandOf(honoured)] }, context(scope.eastAdmin.id));

    expect(await loadBrochurePdfInput((await reader(scope.westAdmin.id)).roles, id)).toBeNull();
    const data = await loadBrochurePdfInput((await reader(scope.eastAdmin.id)).roles, id);
    const pdf = await renderBrochurePdf(data!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf);
    for (const part of ['东区党建品牌宣传画册', '2026年版', '个党建品牌', '目录', `红色先锋驿站（${first!.branch.name}）`, '品牌口号', '一心向党', '品牌内涵', '所获荣誉', '十佳党建品牌']) {
      expect(text).toContain(part);
    }
    // Three pages: the cover, the contents, the brand's page (its number in the contents).
    expect(text).toContain('共 3 页');
  });
});

describe('宣传推广 demo', () => {
  it('seeds a quarterly 观摩 schedule with two events along the 东城 route, a scored 擂台比武 with a tie, and a brochure; again changes nothing', async () => {
    const { seedDemoCity } = await import('../../prisma/seed/seed-demo');
    const { DEMO_BROCHURE_TITLE, DEMO_CONTEST_TITLE, DEMO_OBSERVATION_SCHEDULE } = await import('../../prisma/seed/demo-promotion');
    const { EAST_ROUTE } = await import('../../prisma/seed/demo-sites');
    await seedDemoCity(db);
    const counts = async () => [await db.promotionSchedule.count(), await db.promotionEvent.count(), await db.contestScore.count(), await db.brochure.count()];
    const first = await counts();
    await seedDemoCity(db);
    expect(await counts()).toEqual(first);

    const schedule = await db.promotionSchedule.findFirstOrThrow({
      where: { title: DEMO_OBSERVATION_SCHEDULE, ownerOrg: { code: 'SF-DC' } },
      select: { events: { orderBy: { heldAt: 'asc' }, select: { sites: { orderBy: { sortOrder: 'asc' }, select: { site: { select: { name: true } } } } } } },
    });
    expect(schedule.events.flatMap((event) => event.sites.map((row) => row.site.name))).toEqual(EAST_ROUTE.map((site) => site.name));
    const contest = await db.promotionEvent.findFirstOrThrow({ where: { title: DEMO_CONTEST_TITLE }, select: { id: true, judges: { select: { judge: { select: { loginName: true } } } } } });
    expect(contest.judges.map((row) => row.judge.loginName).sort()).toEqual(['expert1', 'expert2']);
    const ranking = await contestRanking(contest.id);
    expect(ranking.map((row) => [row.rank, row.average, row.sheets])).toEqual([
      [1, 90, 2],
      [2, 86, 2],
      [2, 86, 2],
      [4, 75, 2],
    ]);
    const brochure = await db.brochure.findFirstOrThrow({ where: { title: DEMO_BROCHURE_TITLE }, select: { id: true, brandIds: true } });
    expect(brochure.brandIds.length).toBeGreaterThan(0);
    const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
    const text = extractPdfText(await renderBrochurePdf((await loadBrochurePdfInput((await reader(admin.id)).roles, brochure.id))!));
    const names = await db.brand.findMany({ where: { id: { in: brochure.brandIds } }, select: { name: true } });
    for (const { name } of names) expect(text).toContain(name);
  }, 180_000);
});
