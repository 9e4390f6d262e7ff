import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { storeUpload } from '@/lib/files/service';
import { canReadFile } from '@/lib/files/access';
import { loadGrants } from '@/lib/application/access';
import { addLedgerEntry, correctLedgerEntry, deleteLedgerEntry, reportLedgerMonth } from '@/lib/cultivation/ledger-service';
import { loadComplianceGrid, loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { addMonths, monthDate, monthOf, shanghaiDay } from '@/lib/cultivation/ledger-schedule';
import { createCultivationScope } from '../support/cultivations';
import { rejection } from '../support/errors';
import { samplePng } from '../support/upload-samples';

const context = (actorId: string) => ({ actorId, ip: '10.9.25.1' });
const entry = (cultivationId: string, occurredOn: string, activity = '主题党日') => ({
  cultivationId,
  occurredOn,
  activity,
  place: '党员活动室',
  participants: '全体党员 23 人',
  summary: '学习党的二十届四中全会精神，开展志愿服务。',
});

async function today() {
  return shanghaiDay(await dbNow());
}

describe('台帐 entries and 上报', () => {
  it('adds an entry with a photo, reports the month once, then locks it; a correction keeps the original', async () => {
    const scope = await createCultivationScope();
    const day = await today();
    const photo = await storeUpload({ bytes: await samplePng(), fileName: '活动.png', slot: 'PHOTO' }, context(scope.secretary.id));
    const added = await addLedgerEntry({ ...entry(scope.cultivation.id, day), photoIds: [photo.id] }, context(scope.secretary.id));
    expect(added.month).toBe(day.slice(0, 7));

    // The committee above reads the photo; the sibling committee does not.
    const grants = async (id: string) => ({ id, roles: await loadGrants(db, id) });
    expect(await canReadFile(await grants(scope.committeeAdmin.id), photo.id)).toBe('private');
    expect(await canReadFile(await grants(scope.westAdmin.id), photo.id)).toBe(false);

    const report = await reportLedgerMonth({ cultivationId: scope.cultivation.id, month: added.month }, context(scope.secretary.id));
    expect(report.month).toBe(added.month);
    const second = await rejection(reportLedgerMonth({ cultivationId: scope.cultivation.id, month: added.month }, context(scope.secretary.id)));
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toContain('不能重复上报');

    // Locked: no new entry, no delete; the database refuses even a direct change.
    const locked = await rejection(addLedgerEntry(entry(scope.cultivation.id, day, '补记'), context(scope.secretary.id)));
    expect(locked.message).toContain('已上报并锁定');
    expect((await rejection(deleteLedgerEntry({ entryId: added.id }, context(scope.secretary.id)))).code).toBe('CONFLICT');
    await expect(db.ledgerEntry.update({ where: { id: added.id }, data: { summary: '改' } })).rejects.toThrow();

    const corrected = await correctLedgerEntry(
      { ...entry(scope.cultivation.id, day, '主题党日（更正）'), correctsId: added.id, reason: '参加人数写错' },
      context(scope.secretary.id),
    );
    const history = await db.ledgerEntry.findMany({ where: { cultivationId: scope.cultivation.id }, orderBy: { createdAt: 'asc' }, select: { id: true, activity: true, correctsId: true, correctionReason: true } });
    expect(history).toEqual([
      { id: added.id, activity: '主题党日', correctsId: null, correctionReason: null },
      { id: corrected.id, activity: '主题党日（更正）', correctsId: added.id, correctionReason: '参加人数写错' },
    ]);
    const again = await rejection(correctLedgerEntry({ ...entry(scope.cultivation.id, day), correctsId: added.id, reason: '再改' }, context(scope.secretary.id)));
    expect(again.message).toContain('已经更正过');
    expect(await db.auditLog.count({ where: { action: { in: ['add-ledger-entry', 'report-ledger-month', 'correct-ledger-entry'] }, actorId: scope.secretary.id } })).toBe(3);
  });

  it('parallel reports of one month: exactly one is recorded', async () => {
    const scope = await createCultivationScope();
    const day = await today();
    await addLedgerEntry(entry(scope.cultivation.id, day), context(scope.secretary.id));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => reportLedgerMonth({ cultivationId: scope.cultivation.id, month: day.slice(0, 7) }, context(scope.secretary.id))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db.ledgerReport.count({ where: { cultivationId: scope.cultivation.id } })).toBe(1);
    await expect(
      db.ledgerReport.create({ data: { cultivationId: scope.cultivation.id, month: monthDate(day.slice(0, 7)), dueAt: new Date(), isLate: false, entryCount: 1, reportedAt: new Date(0) } }),
    ).rejects.toThrow();
  });

  it('refuses entries outside the 创建期 and after it ends', async () => {
    const scope = await createCultivationScope({ startedDaysAgo: 10 });
    const now = await dbNow();
    const beforeStart = shanghaiDay(new Date(now.getTime() - 20 * 86_400_000));
    const tomorrow = shanghaiDay(new Date(now.getTime() + 86_400_000));
    for (const day of [beforeStart, tomorrow, '2026-02-30']) {
      const refusal = await rejection(addLedgerEntry(entry(scope.cultivation.id, day), context(scope.secretary.id)));
      expect(refusal.code).toBe('INVALID_INPUT');
      expect(refusal.fieldErrors?.occurredOn).toBeTruthy();
    }
    // The campaign sets the 创建期 end to yesterday: nothing more may be written.
    const yesterday = shanghaiDay(new Date(now.getTime() - 86_400_000));
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { cultivationEndsOn: new Date(`${yesterday}T00:00:00Z`) } });
    const over = await rejection(addLedgerEntry(entry(scope.cultivation.id, yesterday), context(scope.secretary.id)));
    expect(over.code).toBe('STAGE_LOCKED');
    expect(over.message).toContain('创建期已于');
    expect(await db.ledgerEntry.count({ where: { cultivationId: scope.cultivation.id } })).toBe(0);
  });

  it('only the brand\u2019s own secretary keeps its ledger', async () => {
    const scope = await createCultivationScope();
    const day = await today();
    expect((await rejection(addLedgerEntry(entry(scope.cultivation.id, day), context(scope.westSecretary.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(addLedgerEntry(entry(scope.cultivation.id, day), context(scope.committeeAdmin.id)))).code).toBe('FORBIDDEN');
  });
});

describe('compliance grid', () => {
  it('classifies on the Asia/Shanghai day boundary: 2026-02-25 23:59 +08:00 on time, 2026-02-26 00:00 +08:00 late', async () => {
    const scope = await createCultivationScope();
    // A 创建期 over 2026: stage from 2026-01-01 to 2026-12-31 (Shanghai), due day 25.
    await db.campaignStage.update({
      where: { campaignId_kind: { campaignId: scope.campaign.id, kind: 'CULTIVATION' } },
      data: { startsAt: new Date('2026-01-01T00:00:00+08:00'), endsAt: new Date('2027-01-01T00:00:00+08:00') },
    });
    const report = (cultivationId: string, month: string, reportedAt: string, isLate: boolean) =>
      db.ledgerReport.create({ data: { cultivationId, month: monthDate(month), dueAt: new Date(`${month}-26T00:00:00+08:00`), reportedAt: new Date(reportedAt), isLate, entryCount: 1 } });
    await report(scope.cultivation.id, '2026-02', '2026-02-25T23:59:00+08:00', false);
    await report(scope.westCultivation.id, '2026-02', '2026-02-26T00:00:00+08:00', true);
    // The database agrees with the rule: a report at 00:00 on the 26th cannot be stored as on time.
    await expect(report(scope.westCultivation.id, '2026-03', '2026-03-26T00:00:00+08:00', false)).rejects.toThrow();

    const campaign = await loadGridCampaign(scope.campaign.id);
    expect(campaign.months).toHaveLength(12);
    const at = async (asOf: string, subtreePath = scope.city.path) => loadComplianceGrid({ campaign, subtreePath, asOf: new Date(asOf) });
    const cell = (grid: Awaited<ReturnType<typeof at>>, cultivationId: string, month: string) =>
      grid.rows.find((row) => row.cultivationId === cultivationId)!.cells.find((candidate) => candidate.month === month)!.status;

    const before = await at('2026-03-25T23:59:00+08:00');
    expect(cell(before, scope.cultivation.id, '2026-02')).toBe('on-time');
    expect(cell(before, scope.westCultivation.id, '2026-02')).toBe('late');
    expect(cell(before, scope.cultivation.id, '2026-01')).toBe('missing');
    expect(cell(before, scope.cultivation.id, '2026-03')).toBe('not-due');
    const after = await at('2026-03-26T00:00:00+08:00');
    expect(cell(after, scope.cultivation.id, '2026-03')).toBe('missing');
    // Month ends: December's due day is the 25th of December, not the next month.
    expect(cell(await at('2026-12-25T23:59:59+08:00'), scope.cultivation.id, '2026-12')).toBe('not-due');
    expect(cell(await at('2026-12-26T00:00:00+08:00'), scope.cultivation.id, '2026-12')).toBe('missing');

    // Scope: the east committee's subtree shows only its branch.
    const east = await at('2026-03-26T00:00:00+08:00', scope.committee.path);
    expect(east.rows.map((row) => row.cultivationId)).toEqual([scope.cultivation.id]);
    expect(east.total).toBe(1);
  });

  it('grid numbers equal a direct SQL count', async () => {
    const scope = await createCultivationScope();
    const day = await today();
    const month = monthOf(await dbNow());
    await addLedgerEntry(entry(scope.cultivation.id, day, '一'), context(scope.secretary.id));
    await addLedgerEntry(entry(scope.cultivation.id, day, '二'), context(scope.secretary.id));
    await addLedgerEntry(entry(scope.westCultivation.id, day, '三'), context(scope.westSecretary.id));
    await reportLedgerMonth({ cultivationId: scope.cultivation.id, month }, context(scope.secretary.id));
    const grid = await loadComplianceGrid({ campaign: await loadGridCampaign(scope.campaign.id), subtreePath: scope.city.path });
    const gridEntries = grid.rows.flatMap((row) => row.cells).reduce((sum, cell) => sum + cell.entries, 0);
    const gridReported = grid.rows.flatMap((row) => row.cells).filter((cell) => cell.status === 'on-time' || cell.status === 'late').length;
    const [counted] = await db.$queryRaw<{ entries: number; reports: number }[]>`
      SELECT (SELECT count(*)::int FROM ledger_entries e JOIN cultivations c ON c.id = e.cultivation_id WHERE c.campaign_id = ${scope.campaign.id}) AS entries,
             (SELECT count(*)::int FROM ledger_reports r JOIN cultivations c ON c.id = r.cultivation_id WHERE c.campaign_id = ${scope.campaign.id}) AS reports`;
    expect(gridEntries).toBe(counted.entries);
    expect(gridEntries).toBe(3);
    expect(gridReported).toBe(counted.reports);
    const months = grid.campaign.months;
    expect(months).toContain(month);
    expect(months).toContain(addMonths(month, -1));
  });
});

describe('seedLedgers (demo)', () => {
  it('writes plans (one returned) and months of 台帐 with late and missing months, idempotently', async () => {
    const { seedLedgers } = await import('../../prisma/seed/demo-ledgers');
    const scope = await createCultivationScope({ startedDaysAgo: 150 });
    const ids = [scope.cultivation.id, scope.westCultivation.id];
    const roles = { returnedPlan: scope.westCultivation.id, missingMonth: scope.cultivation.id };
    await seedLedgers(db, ids, roles);
    await seedLedgers(db, ids, roles);
    const plans = await db.cultivationPlan.findMany({ where: { cultivationId: { in: ids } }, select: { cultivationId: true, status: true } });
    expect(plans.find((plan) => plan.cultivationId === scope.westCultivation.id)?.status).toBe('RETURNED');
    expect(plans.find((plan) => plan.cultivationId === scope.cultivation.id)?.status).toBe('APPROVED');
    const grid = await loadComplianceGrid({ campaign: await loadGridCampaign(scope.campaign.id), subtreePath: scope.city.path });
    const statuses = grid.rows.flatMap((row) => row.cells.map((cell) => cell.status));
    expect(statuses).toContain('on-time');
    expect(statuses).toContain('late');
    expect(statuses.filter((status) => status === 'missing').length).toBeGreaterThanOrEqual(1);
    expect(await db.ledgerEntry.count({ where: { cultivationId: { in: ids } } })).toBeGreaterThan(6);
  });
});

describe('committee scope', () => {
  it('lists and exports only the committee’s own subtree; the sibling committee sees none of it', async () => {
    const { listCultivations, gridExportScope } = await import('@/lib/cultivation/queries');
    const scope = await createCultivationScope();
    const asUser = async (id: string) => ({ id, sessionId: '', loginName: '', displayName: '', mustChangePassword: false, roles: await loadGrants(db, id) }) as never;
    const east = (await listCultivations(await asUser(scope.committeeAdmin.id))).map((row) => row.id);
    expect(east).toContain(scope.cultivation.id);
    expect(east).not.toContain(scope.westCultivation.id);
    const west = (await listCultivations(await asUser(scope.westAdmin.id))).map((row) => row.id);
    expect(west).toEqual([scope.westCultivation.id]);
    expect(await gridExportScope(await asUser(scope.westAdmin.id), scope.campaign.id, scope.committee.id)).toBeNull();
    expect(await gridExportScope(await asUser(scope.committeeAdmin.id), scope.campaign.id, scope.committee.id)).toMatchObject({ path: scope.committee.path });
    const both = (await listCultivations(await asUser(scope.cityAdmin.id))).map((row) => row.id);
    expect(both).toEqual(expect.arrayContaining([scope.cultivation.id, scope.westCultivation.id]));
  });
});
