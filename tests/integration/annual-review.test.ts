import { describe, expect, it } from 'vitest';
import { db, dbNow } from '@/lib/db';
import { annualReviewScope, annualRowTexts, loadAnnualPage } from '@/lib/annual-review/queries';
import { loadComplianceGrid, loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { addLedgerEntry, reportLedgerMonth } from '@/lib/cultivation/ledger-service';
import { shanghaiDay } from '@/lib/cultivation/ledger-schedule';
import { loadGrants } from '@/lib/application/access';
import { createCultivationScope } from '../support/cultivations';
import { createOrg } from '../support/factories';

const context = (actorId: string) => ({ actorId, ip: '10.9.20.7' });

describe('年度考核', () => {
  it('counts per organization what direct SQL counts, within the staff subtree only', async () => {
    const scope = await createCultivationScope({ startedDaysAgo: 100 });
    const today = shanghaiDay(await dbNow());
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: scope.campaign.id }, select: { year: true } });
    const year = campaign.year;
    await addLedgerEntry({ cultivationId: scope.cultivation.id, occurredOn: today, activity: '主题党日', place: '活动室', participants: '全体党员', summary: '学习' }, context(scope.secretary.id));
    await reportLedgerMonth({ cultivationId: scope.cultivation.id, month: today.slice(0, 7) }, context(scope.secretary.id));
    // A site with two versions of its assessment, on a belt; a reviewed pairing; two events this year, one the year before.
    const program = await db.demoProgram.create({ data: { ownerOrgId: scope.city.id, title: `考核-${Date.now()}`, startYear: year } });
    const site = await db.demoSite.create({ data: { programId: program.id, organizationId: scope.branch.id, name: '考核示范点', level: 'CITY' } });
    await db.siteAssessment.create({ data: { siteId: site.id, year, version: 1, criteria: [], scores: [], total: 70 } });
    await db.siteAssessment.create({ data: { siteId: site.id, year, version: 2, criteria: [], scores: [], total: 88 } });
    const belt = await db.demoBelt.create({ data: { programId: program.id, ownerOrgId: scope.committee.id, name: '考核示范带', minSites: 1 } });
    await db.beltSite.create({ data: { beltId: belt.id, siteId: site.id, routeOrder: 1 } });
    const partner = await createOrg({ parent: scope.committee });
    await db.organization.update({ where: { id: partner.id }, data: { isLagging: true, laggingNote: '软弱涣散' } });
    await db.pairing.create({
      data: {
        committeeOrgId: scope.committee.id, brandOrgId: scope.branch.id, kind: 'BRANCH', partnerOrgId: partner.id, goals: '共建',
        startsOn: new Date(`${year}-01-01`), endsOn: new Date(`${year}-06-30`), status: 'REVIEWED', verdict: 'GOOD', reviewNote: '好', reviewedAt: new Date(),
      },
    });
    for (const heldAt of [`${year}-03-01T10:00:00+08:00`, `${year}-01-01T00:30:00+08:00`, `${year - 1}-12-31T23:30:00+08:00`]) {
      await db.promotionEvent.create({ data: { ownerOrgId: scope.branch.id, kind: 'OBSERVATION', title: '观摩会', heldAt: new Date(heldAt) } });
    }

    const table = await loadAnnualPage({ subtreePath: scope.committee.path, year });
    const row = table.rows.find((candidate) => candidate.organizationId === scope.branch.id)!;
    const [sql] = await db.$queryRaw<{ on_time: number; late: number; events: number }[]>`
      SELECT (SELECT count(*)::int FROM ledger_reports WHERE cultivation_id = ${scope.cultivation.id} AND NOT is_late) AS on_time,
             (SELECT count(*)::int FROM ledger_reports WHERE cultivation_id = ${scope.cultivation.id} AND is_late) AS late,
             (SELECT count(*)::int FROM promotion_events WHERE owner_org_id = ${scope.branch.id}
                AND (held_at AT TIME ZONE 'Asia/Shanghai') >= make_date(${year}, 1, 1) AND (held_at AT TIME ZONE 'Asia/Shanghai') < make_date(${year} + 1, 1, 1)) AS events`;
    const grid = await loadComplianceGrid({ campaign: await loadGridCampaign(scope.campaign.id), subtreePath: scope.branch.path });
    const missing = grid.rows[0]!.cells.filter((cell) => cell.status === 'missing').length;
    expect(row.ledger).toEqual({ onTime: sql!.on_time, late: sql!.late, missing });
    expect(row.ledger!.onTime + row.ledger!.late).toBe(1);
    expect(row.events).toBe(sql!.events);
    expect(row.events).toBe(2);
    expect(row.sites).toEqual([{ name: '考核示范点', level: 'CITY', status: 'ACTIVE', score: 88, scoreYear: year }]);
    expect(row.belts).toEqual([{ name: '考核示范带', status: 'DRAFT' }]);
    expect(row.brands).toEqual([{ name: expect.any(String), status: 'cultivating' }]);
    expect(annualRowTexts(row).pairings).toBe(`与${partner.name}：良好`);
    // The partner appears with the pairing seen from its side, flagged 后进.
    const partnerRow = table.rows.find((candidate) => candidate.organizationId === partner.id)!;
    expect([partnerRow.lagging, annualRowTexts(partnerRow).pairings]).toEqual([true, `与${scope.branch.name}：良好`]);
    // The west subtree holds none of it; the west committee cannot choose the east one.
    expect((await loadAnnualPage({ subtreePath: scope.westCommittee.path, year })).rows.map((candidate) => candidate.organizationId)).not.toContain(scope.branch.id);
    expect(await annualReviewScope({ roles: await loadGrants(db, scope.westAdmin.id) }, scope.committee.id)).toBeNull();
    expect((await annualReviewScope({ roles: await loadGrants(db, scope.cityAdmin.id) }, scope.committee.id))?.selected.id).toBe(scope.committee.id);
  });
});
