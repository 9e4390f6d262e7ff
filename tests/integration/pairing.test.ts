import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import type { TSessionUser } from '@/lib/auth/session';
import { canReadFile } from '@/lib/files/access';
import { storeUpload } from '@/lib/files/service';
import { shanghaiDay } from '@/lib/cultivation/ledger-schedule';
import { addPairingActivity, createPairing, reviewPairing, setLagging } from '@/lib/pairing/service';
import { listPairings, loadLaggingOverview, loadLedgerPairingActivities, loadPairingDetail } from '@/lib/pairing/queries';
import { createCultivationScope } from '../support/cultivations';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { samplePng } from '../support/upload-samples';

const context = (actorId: string) => ({ actorId, ip: '10.9.20.4' });
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function session(userId: string): Promise<TSessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { id: user.id, sessionId: 'test', loginName: user.loginName, displayName: user.displayName, mustChangePassword: false, roles: await loadGrants(db, user.id) };
}

/** The cultivation scope plus a lagging candidate under the east committee, with its own secretary. */
async function pairingScope() {
  const scope = await createCultivationScope();
  const lagging = await createOrg({ parent: scope.committee, name: `后进支部${Date.now().toString(36)}` });
  const laggingSecretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: lagging.id }] });
  const today = shanghaiDay(await dbNow());
  return { ...scope, lagging, laggingSecretary, today };
}

const activity = (pairingId: string, occurredOn: string) => ({
  pairingId,
  occurredOn,
  activity: '联合主题党日',
  place: '后进支部活动室',
  participants: '双方党员 30 人',
  summary: '共同学习，帮助规范三会一课记录。',
});

describe('后进党支部 and 结对共建', () => {
  it('flags a lagging branch by the committee above only, audited; suggests from assessments without flagging', async () => {
    const scope = await pairingScope();
    // A sibling committee and the branch's own secretary cannot; nor can a committee flag itself.
    expect((await rejection(setLagging({ organizationId: scope.lagging.id, lagging: true, note: '组织生活不规范' }, context(scope.westAdmin.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(setLagging({ organizationId: scope.lagging.id, lagging: true, note: '组织生活不规范' }, context(scope.laggingSecretary.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(setLagging({ organizationId: scope.committee.id, lagging: true, note: '自评' }, context(scope.committeeAdmin.id)))).code).toBe('FORBIDDEN');
    expect((await rejection(setLagging({ organizationId: scope.lagging.id, lagging: true, note: ' ' }, context(scope.committeeAdmin.id)))).code).toBe('INVALID_INPUT');

    await setLagging({ organizationId: scope.lagging.id, lagging: true, note: '组织生活不规范' }, context(scope.committeeAdmin.id));
    expect(await db.organization.findUniqueOrThrow({ where: { id: scope.lagging.id }, select: { isLagging: true, laggingNote: true } })).toEqual({ isLagging: true, laggingNote: '组织生活不规范' });
    const audit = await db.auditLog.findMany({ where: { entityId: scope.lagging.id, action: 'flag-lagging' } });
    expect(audit).toHaveLength(1);

    // A site of the branch scored 52 in its latest assessment: suggested, not flagged.
    const weak = await createOrg({ parent: scope.committee });
    const program = await db.demoProgram.create({ data: { ownerOrgId: scope.city.id, title: `示范建设-${Date.now()}`, startYear: 2026 } });
    const site = await db.demoSite.create({ data: { programId: program.id, organizationId: weak.id, name: '薄弱示范点' } });
    await db.siteAssessment.create({ data: { siteId: site.id, year: 2026, version: 1, criteria: [], scores: [], total: 75 } });
    await db.siteAssessment.create({ data: { siteId: site.id, year: 2026, version: 2, criteria: [], scores: [], total: 52 } });
    const overview = await loadLaggingOverview(await session(scope.committeeAdmin.id));
    expect(overview.flagged.map((row) => row.id)).toContain(scope.lagging.id);
    expect(overview.suggestions.find((row) => row.id === weak.id)?.reasons.join()).toContain('52 分');
    expect((await db.organization.findUniqueOrThrow({ where: { id: weak.id } })).isLagging).toBe(false);
    const west = await loadLaggingOverview(await session(scope.westAdmin.id));
    expect([...west.flagged, ...west.suggestions].map((row) => row.id)).not.toContain(weak.id);

    await setLagging({ organizationId: scope.lagging.id, lagging: false }, context(scope.committeeAdmin.id));
    expect((await db.organization.findUniqueOrThrow({ where: { id: scope.lagging.id } })).isLagging).toBe(false);
  });

  it('pairs within the committee subtree only, with valid dates, and only with a flagged branch', async () => {
    const scope = await pairingScope();
    const base = {
      committeeOrgId: scope.committee.id,
      brandOrgId: scope.branch.id,
      brandId: scope.cultivation.brandId,
      kind: 'BRANCH' as const,
      partnerOrgId: scope.lagging.id,
      goals: '帮助后进支部规范组织生活',
      startsOn: scope.today,
      endsOn: plusDays(scope.today, 90),
    };
    expect((await rejection(createPairing(base, context(scope.committeeAdmin.id)))).message).toContain('后进党支部');
    await setLagging({ organizationId: scope.lagging.id, lagging: true, note: '软弱涣散' }, context(scope.committeeAdmin.id));
    // Dates: the end before the start, an impossible day.
    expect((await rejection(createPairing({ ...base, endsOn: plusDays(scope.today, -1) }, context(scope.committeeAdmin.id)))).message).toContain('结束日期不能早于开始日期');
    expect((await rejection(createPairing({ ...base, startsOn: '2026-02-30' }, context(scope.committeeAdmin.id)))).code).toBe('INVALID_INPUT');
    // The sibling committee can neither use the east committee nor pair east organizations under its own.
    expect((await rejection(createPairing(base, context(scope.westAdmin.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(createPairing({ ...base, committeeOrgId: scope.westCommittee.id }, context(scope.westAdmin.id)))).code).toBe('INVALID_INPUT');
    // A brand of another organization, an enterprise without a name.
    expect((await rejection(createPairing({ ...base, brandId: scope.westCultivation.brandId }, context(scope.committeeAdmin.id)))).message).toContain('不属于该组织');
    expect((await rejection(createPairing({ ...base, kind: 'ENTERPRISE', partnerOrgId: null, partnerName: ' ' }, context(scope.committeeAdmin.id)))).message).toContain('结对单位名称');
    const created = await createPairing(base, context(scope.committeeAdmin.id));
    const row = await db.pairing.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.startsOn.toISOString().slice(0, 10)).toBe(scope.today);
    expect(await db.auditLog.count({ where: { entityId: created.id, action: 'create-pairing' } })).toBe(1);
    // Both sides' secretaries are told, with the link to the pairing; the sibling committee's staff are not.
    for (const userId of [scope.secretary.id, scope.laggingSecretary.id]) {
      expect(await db.notification.findMany({ where: { recipientId: userId, kind: 'PAIRING_CREATED' }, select: { link: true } })).toEqual([{ link: `/pairings/${created.id}` }]);
    }
    expect(await db.notification.count({ where: { recipientId: scope.westSecretary.id, kind: 'PAIRING_CREATED' } })).toBe(0);
    const enterprise = await createPairing({ ...base, kind: 'ENTERPRISE', partnerOrgId: null, partnerName: '星河物流有限公司' }, context(scope.cityAdmin.id));
    expect((await db.pairing.findUniqueOrThrow({ where: { id: enterprise.id } })).partnerOrgId).toBeNull();
  });

  it('records a joint activity once and shows it in both organizations’ 台帐; outsiders see nothing', async () => {
    const scope = await pairingScope();
    await setLagging({ organizationId: scope.lagging.id, lagging: true, note: '软弱涣散' }, context(scope.committeeAdmin.id));
    const startsOn = plusDays(scope.today, -20);
    const pairing = await createPairing(
      { committeeOrgId: scope.committee.id, brandOrgId: scope.branch.id, brandId: scope.cultivation.brandId, kind: 'BRANCH', partnerOrgId: scope.lagging.id, goals: '规范组织生活', startsOn, endsOn: plusDays(scope.today, 60) },
      context(scope.committeeAdmin.id),
    );
    // Out of the period, in the future, by an outsider.
    expect((await rejection(addPairingActivity(activity(pairing.id, plusDays(startsOn, -1)), context(scope.laggingSecretary.id)))).message).toContain('结对期内');
    expect((await rejection(addPairingActivity(activity(pairing.id, plusDays(scope.today, 1)), context(scope.laggingSecretary.id)))).message).toContain('不能晚于今天');
    expect((await rejection(addPairingActivity(activity(pairing.id, scope.today), context(scope.westSecretary.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(addPairingActivity(activity(pairing.id, scope.today), context(scope.committeeAdmin.id)))).code).toBe('FORBIDDEN');

    // The partner's secretary records it with a photo.
    const photo = await storeUpload({ bytes: await samplePng(), fileName: '共建.png', slot: 'PHOTO' }, context(scope.laggingSecretary.id));
    const recorded = await addPairingActivity({ ...activity(pairing.id, scope.today), photoIds: [photo.id] }, context(scope.laggingSecretary.id));
    expect(await db.pairingActivity.count({ where: { pairingId: pairing.id } })).toBe(1);
    const month = scope.today.slice(0, 7);

    // The brand organization's 台帐 (its cultivation) lists it for the month, naming the partner.
    const brandLedger = await loadLedgerPairingActivities(await session(scope.secretary.id), scope.cultivation.id, month);
    expect(brandLedger.map((row) => [row.id, row.partnerLabel, row.photos.length])).toEqual([[recorded.id, scope.lagging.name, 1]]);
    // The committee above reads the same 台帐; the previous month holds nothing.
    expect((await loadLedgerPairingActivities(await session(scope.committeeAdmin.id), scope.cultivation.id, month)).map((row) => row.id)).toEqual([recorded.id]);
    const previous = plusDays(`${month}-01`, -1).slice(0, 7);
    expect(await loadLedgerPairingActivities(await session(scope.secretary.id), scope.cultivation.id, previous)).toEqual([]);
    // The partner branch, which has no cultivation, reads it on its pairing page (its 台帐 of the pairing), by month.
    const partnerView = await loadPairingDetail(await session(scope.laggingSecretary.id), pairing.id);
    expect(partnerView.months).toEqual([{ month, activities: [expect.objectContaining({ id: recorded.id, activity: '联合主题党日' })] }]);
    expect(partnerView.side && !partnerView.manager).toBe(true);

    // The photo: both sides and the committee; not the sibling committee.
    const reader = async (id: string) => ({ id, roles: await loadGrants(db, id) });
    for (const id of [scope.secretary.id, scope.laggingSecretary.id, scope.committeeAdmin.id, scope.cityAdmin.id]) expect(await canReadFile(await reader(id), photo.id)).toBe('private');
    expect(await canReadFile(await reader(scope.westAdmin.id), photo.id)).toBe(false);
    expect(await canReadFile(await reader(scope.westSecretary.id), photo.id)).toBe(false);

    // The sibling committee: not in its list, no page, no ledger.
    expect((await listPairings(await session(scope.westAdmin.id))).map((row) => row.id)).not.toContain(pairing.id);
    expect((await listPairings(await session(scope.laggingSecretary.id))).map((row) => row.id)).toEqual([pairing.id]);
    await expect(loadPairingDetail(await session(scope.westAdmin.id), pairing.id)).rejects.toThrow();
    await expect(loadLedgerPairingActivities(await session(scope.westAdmin.id), scope.cultivation.id, month)).rejects.toThrow();
  });

  it('reviews once after the period (or early with a reason); parallel reviews end in one verdict', async () => {
    const scope = await pairingScope();
    const running = await createPairing(
      { committeeOrgId: scope.committee.id, brandOrgId: scope.branch.id, kind: 'ENTERPRISE', partnerName: '星河物流有限公司', goals: '机关与企业结对帮扶', startsOn: plusDays(scope.today, -30), endsOn: plusDays(scope.today, 30) },
      context(scope.committeeAdmin.id),
    );
    const review = { pairingId: running.id, verdict: 'GOOD' as const, note: '共建扎实' };
    expect((await rejection(reviewPairing(review, context(scope.committeeAdmin.id)))).message).toContain('期满后才能评议');
    expect((await rejection(reviewPairing({ ...review, early: true }, context(scope.westAdmin.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(reviewPairing({ ...review, early: true }, context(scope.secretary.id)))).code).toBe('FORBIDDEN');

    // Early, twice at once (the committee and the city): one verdict, one audit row; the other is told it is done.
    const outcomes = await Promise.allSettled([
      reviewPairing({ ...review, early: true, verdict: 'GOOD' }, context(scope.committeeAdmin.id)),
      reviewPairing({ ...review, early: true, verdict: 'PASS', note: '提前评议：企业搬迁' }, context(scope.cityAdmin.id)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('CONFLICT');
    const reviewed = await db.pairing.findUniqueOrThrow({ where: { id: running.id } });
    const winner = (outcomes.find((outcome) => outcome.status === 'fulfilled') as PromiseFulfilledResult<{ verdict: string }>).value.verdict;
    expect([reviewed.status, reviewed.verdict]).toEqual(['REVIEWED', winner]);
    expect(await db.auditLog.count({ where: { entityId: running.id, action: 'review-pairing' } })).toBe(1);
    // Once reviewed, no more activities.
    expect((await rejection(addPairingActivity(activity(running.id, scope.today), context(scope.secretary.id)))).message).toContain('已完成期满评议');

    // Past its end: no early flag needed.
    const ended = await createPairing(
      { committeeOrgId: scope.committee.id, brandOrgId: scope.branch.id, kind: 'ENTERPRISE', partnerName: '星河物流有限公司', goals: '机关与企业结对帮扶', startsOn: plusDays(scope.today, -90), endsOn: plusDays(scope.today, -1) },
      context(scope.committeeAdmin.id),
    );
    await reviewPairing({ pairingId: ended.id, verdict: 'EXCELLENT', note: '成效明显' }, context(scope.committeeAdmin.id));
    expect((await db.pairing.findUniqueOrThrow({ where: { id: ended.id } })).verdict).toBe('EXCELLENT');
    const verdictNotice = await db.notification.findFirstOrThrow({ where: { recipientId: scope.secretary.id, kind: 'PAIRING_REVIEWED', link: `/pairings/${ended.id}` } });
    expect([verdictNotice.title, verdictNotice.body]).toEqual(['结对共建期满评议：优秀', '成效明显']);
  });
});
