// Every number of the staff dashboard equals a direct count (SQL, or the list page's own query) on the demo city and on
// a generated data set, and a committee's dashboard never counts outside its subtree.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { getStaffDashboard } from '@/lib/dashboard/staff-dashboard';
import { NO_FIELD_ID } from '@/lib/dashboard/funnel';
import type { TStaffDashboard } from '@/lib/dashboard/types';
import { applicationIdsAtStage, FUNNEL_STAGES } from '@/lib/application/funnel';
import { listStaffApplications, parseStaffSearch } from '@/lib/application/staff-queries';
import { loadComplianceGrid, loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { recommendingChain } from '@/lib/campaign/recommendation-chain';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { createOrg, createUser } from '../support/factories';
import { createTestCampaign } from '../support/campaigns';
import { insertObjection } from '../support/publicity';

const n = (value: unknown) => Number(value ?? 0);

/** The funnel by plain SQL: the 逐级推荐 chain as "no recommending ancestor below the owner lacks a RECOMMENDED row". */
async function directFunnel(campaignId: string, rootPath: string, group: Prisma.Sql = Prisma.sql`'all'`) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    WITH e AS (
      SELECT a.id, a.status, ${group} AS grp,
        a.status = 'SUBMITTED' AND o.path LIKE ow.path || '%' AND (c.program = 'CREATION' OR NOT EXISTS (
          SELECT 1 FROM organizations anc
          WHERE o.path LIKE anc.path || '%' AND anc.id <> o.id AND anc.depth > ow.depth AND anc.path LIKE ow.path || '%'
            AND (cardinality(c.recommending_depths) = 0 OR anc.depth = ANY(c.recommending_depths))
            AND NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.application_id = a.id AND r.organization_id = anc.id AND r.decision = 'RECOMMENDED'))) AS f1,
        a.status = 'SUBMITTED' AND is_listed_entry(a.id) AS f2,
        a.status = 'SUBMITTED' AND a.id IN (SELECT application_id FROM review_assignments WHERE submitted_at IS NOT NULL) AS f3,
        a.status = 'SUBMITTED' AND a.id IN (SELECT di.application_id FROM decision_items di JOIN decisions d ON d.id = di.decision_id WHERE d.kind = 'FINAL' AND d.signed_at IS NOT NULL) AS f4,
        a.status = 'SUBMITTED' AND a.id IN (SELECT application_id FROM honors WHERE revoked_at IS NULL) AS f5,
        a.status = 'SUBMITTED' AND a.id IN (SELECT cu.application_id FROM cultivations cu JOIN recognitions rc ON rc.cultivation_id = cu.id WHERE rc.revoked_at IS NULL) AS f6
      FROM applications a JOIN organizations o ON o.id = a.organization_id JOIN campaigns c ON c.id = a.campaign_id JOIN organizations ow ON ow.id = c.owner_org_id
      WHERE a.campaign_id = ${campaignId} AND a.status IN ('SUBMITTED', 'RETURNED') AND o.path LIKE ${subtreeLikePattern(rootPath)}
    )
    SELECT grp, count(*) AS s0, count(*) FILTER (WHERE f1 OR f2 OR f3 OR f4 OR f5 OR f6) AS s1, count(*) FILTER (WHERE f2 OR f3 OR f4 OR f5 OR f6) AS s2,
      count(*) FILTER (WHERE f3 OR f4 OR f5 OR f6) AS s3, count(*) FILTER (WHERE f4 OR f5 OR f6) AS s4, count(*) FILTER (WHERE f5 OR f6) AS s5, count(*) FILTER (WHERE f6) AS s6
    FROM e GROUP BY grp`;
  return new Map(rows.map((row) => [String(row.grp), FUNNEL_STAGES.map((_, index) => n(row[`s${index}`]))]));
}

async function expectMatchesDirectCounts(board: TStaffDashboard) {
  const { campaign, root } = board;
  const inScope = { organization: { path: { startsWith: root.path } } };
  const zero = FUNNEL_STAGES.map(() => 0);

  // Funnel: totals, per field, per district.
  const totals = await directFunnel(campaign.id, root.path);
  expect(board.funnel.stages.map((stage) => stage.count)).toEqual(totals.get('all') ?? zero);
  const byField = await directFunnel(campaign.id, root.path, Prisma.sql`coalesce(a.field_id, ${NO_FIELD_ID})`);
  expect(Object.fromEntries(board.funnel.byField.map((row) => [row.id, row.counts]))).toEqual(Object.fromEntries(byField));
  const district = Prisma.sql`coalesce((SELECT d.id FROM organizations d WHERE d.parent_id = ${root.id} AND o.path LIKE d.path || '%'), ${root.id})`;
  const byDistrict = await directFunnel(campaign.id, root.path, district);
  expect(Object.fromEntries(board.funnel.byDistrict.map((row) => [row.id, row.counts]))).toEqual(Object.fromEntries(byDistrict));
  // The list behind each stage (the applications list filtered by ?stage=) holds exactly that many entries.
  for (const [index, stage] of FUNNEL_STAGES.entries()) {
    const list = await listStaffApplications([root.path], parseStaffSearch({ campaign: campaign.id, stage }));
    expect(list.total, stage).toBe(board.funnel.stages[index]!.count);
  }

  // Recommendation fill against the quota.
  for (const row of board.quotas) {
    const [recommended, notRecommended, quota, fallback] = await Promise.all([
      db.recommendation.count({ where: { campaignId: campaign.id, organizationId: row.id, decision: 'RECOMMENDED' } }),
      db.recommendation.count({ where: { campaignId: campaign.id, organizationId: row.id, decision: 'NOT_RECOMMENDED' } }),
      db.quota.findUnique({ where: { campaignId_organizationId: { campaignId: campaign.id, organizationId: row.id } } }),
      db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { defaultQuota: true } }),
    ]);
    expect(row).toMatchObject({ recommended, notRecommended, quota: quota?.limit ?? fallback.defaultQuota });
  }
  const recommending = await db.recommendation.count({ where: { campaignId: campaign.id, organization: { path: { startsWith: root.path } } } });
  expect(board.quotas.reduce((sum, row) => sum + row.recommended + row.notRecommended, 0)).toBeLessThanOrEqual(recommending);

  // Review progress per expert (and the panels hold no sheet the experts do not).
  for (const row of board.review.byExpert) {
    const where = { campaignId: campaign.id, expertId: row.id, application: inScope };
    expect(row).toMatchObject({ assigned: await db.reviewAssignment.count({ where }), submitted: await db.reviewAssignment.count({ where: { ...where, submittedAt: { not: null } } }) });
  }
  expect(board.review.byExpert.reduce((sum, row) => sum + row.assigned, 0)).toBe(await db.reviewAssignment.count({ where: { campaignId: campaign.id, application: inScope } }));
  for (const row of board.review.byPanel) {
    const where = { campaignId: campaign.id, application: inScope, expert: { expertPanels: { some: { panelId: row.id } } } };
    expect(row).toMatchObject({ assigned: await db.reviewAssignment.count({ where }), submitted: await db.reviewAssignment.count({ where: { ...where, submittedAt: { not: null } } }) });
  }

  // Votes: totals and every hour.
  const votes = { campaignId: campaign.id, application: inScope };
  expect(board.votes.valid).toBe(await db.vote.count({ where: { ...votes, invalidatedAt: null } }));
  expect(board.votes.invalid).toBe(await db.vote.count({ where: { ...votes, invalidatedAt: { not: null } } }));
  for (const hour of board.votes.hours) {
    const from = new Date(`${hour.hour.replace(' ', 'T')}:00+08:00`);
    const within = { ...votes, createdAt: { gte: from, lt: new Date(from.getTime() + 3_600_000) } };
    expect(hour).toMatchObject({ valid: await db.vote.count({ where: { ...within, invalidatedAt: null } }), invalid: await db.vote.count({ where: { ...within, invalidatedAt: { not: null } } }) });
  }

  // Objections by status.
  for (const row of board.objections) {
    expect(row.count, row.status).toBe(await db.objection.count({ where: { campaignId: campaign.id, status: row.status, application: inScope } }));
  }

  // Acceptance pipeline: every cultivation once, at its latest request.
  const cultivations = await db.cultivation.findMany({
    where: { campaignId: campaign.id, brand: { organization: { path: { startsWith: root.path } } } },
    select: { acceptanceRequests: { orderBy: { round: 'desc' }, take: 1, select: { status: true } } },
  });
  for (const row of board.acceptance) {
    expect(row.count, row.stage).toBe(cultivations.filter((cultivation) => (cultivation.acceptanceRequests[0]?.status ?? 'CULTIVATING') === row.stage).length);
  }

  // 台帐 heat map: each district's cells sum the grid page (the list behind it) of that district.
  const gridCampaign = await loadGridCampaign(campaign.id);
  for (const row of board.ledger.rows) {
    const org = await db.organization.findUniqueOrThrow({ where: { id: row.id }, select: { path: true } });
    const grid = await loadComplianceGrid({ campaign: gridCampaign, subtreePath: org.path, pageSize: 10_000 });
    for (const cell of row.cells) {
      const status = (s: string) => grid.rows.filter((gridRow) => gridRow.cells.some((c) => c.month === cell.month && c.status === s)).length;
      // The root's own row (本级) holds only what lies under no district: its grid is the whole tree, checked by the sums below.
      if (row.id !== root.id) expect(cell, `${row.name} ${cell.month}`).toEqual({ month: cell.month, onTime: status('on-time'), late: status('late'), missing: status('missing'), notDue: status('not-due') });
    }
  }
  const scopedCultivations = cultivations.length;
  for (const month of board.ledger.months) {
    const cells = board.ledger.rows.map((row) => row.cells.find((cell) => cell.month === month)!);
    expect(cells.reduce((sum, cell) => sum + cell.onTime + cell.late + cell.missing + cell.notDue, 0)).toBe(scopedCultivations);
  }

  // 示范点 / 示范带 by completion: each counted once.
  const sites = await db.demoSite.count({ where: { status: { not: 'REVOKED' }, organization: { path: { startsWith: root.path } } } });
  const belts = await db.demoBelt.count({ where: { ownerOrg: { path: { startsWith: root.path } } } });
  expect(board.checklists.reduce((sum, bucket) => sum + bucket.sites, 0)).toBe(sites);
  expect(board.checklists.reduce((sum, bucket) => sum + bucket.belts, 0)).toBe(belts);
}

describe('staff dashboard on the demo city', () => {
  beforeAll(async () => {
    await seedDemoCity(db);
  }, 120_000);

  it('matches direct counts for the organization department and for every committee, on every demo campaign', async () => {
    const city = await db.organization.findUniqueOrThrow({ where: { code: 'SF' }, select: { id: true, path: true } });
    const campaigns = await db.campaign.findMany({ where: { ownerOrgId: city.id }, select: { id: true } });
    const committees = await db.roleAssignment.findMany({ where: { role: 'COMMITTEE_ADMIN', organization: { path: { startsWith: city.path } } }, select: { organizationId: true } });
    expect(campaigns.length).toBeGreaterThanOrEqual(3);
    let entries = 0;
    for (const campaign of campaigns) {
      const board = await getStaffDashboard({ campaignId: campaign.id, rootOrgId: city.id });
      expect(board.coversCampaign).toBe(true);
      await expectMatchesDirectCounts(board);
      entries += board.funnel.stages[0]!.count;
      for (const rootOrgId of new Set(committees.map((row) => row.organizationId))) {
        const scoped = await getStaffDashboard({ campaignId: campaign.id, rootOrgId });
        expect(scoped.coversCampaign).toBe(false);
        await expectMatchesDirectCounts(scoped);
      }
    }
    expect(entries).toBeGreaterThan(0);
  }, 120_000);
});

/** A seeded pseudo-random sequence, so a failing run can be repeated. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A small generated campaign: 3 districts × 2 committees × 3 branches, entries at every step, experts, votes, objections. */
async function generateCampaign(seed: number) {
  const rnd = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const city = await createOrg({ levelLabel: '市委' });
  const admin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
  const districts = [];
  const committees = [];
  const branches = [];
  for (let d = 0; d < 3; d++) {
    const district = await createOrg({ parent: city, levelLabel: '区委' });
    districts.push(district);
    for (let c = 0; c < 2; c++) {
      const committee = await createOrg({ parent: district, levelLabel: '党工委' });
      committees.push(committee);
      for (let b = 0; b < 3; b++) branches.push(await createOrg({ parent: committee }));
    }
  }
  const { campaign } = await createTestCampaign({ ownerOrgId: city.id, actorId: admin.id, publish: true });
  const depths = (await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { recommendingDepths: true } })).recommendingDepths;
  const fields = await db.campaignField.findMany({ where: { campaignId: campaign.id }, select: { id: true } });
  await db.quota.create({ data: { campaignId: campaign.id, organizationId: committees[0]!.id, limit: 2 } });

  const listed: string[] = [];
  const apps: string[] = [];
  for (const branch of branches) {
    const status = rnd() < 0.2 ? 'RETURNED' : 'SUBMITTED';
    const app = await db.application.create({
      data: { campaignId: campaign.id, organizationId: branch.id, status, brandName: `生成品牌${apps.length}`, fieldId: rnd() < 0.9 ? pick(fields).id : null, submittedAt: new Date(Date.now() - 86_400_000) },
    });
    apps.push(app.id);
    if (status !== 'SUBMITTED') continue;
    let top = true;
    for (const orgId of recommendingChain(branch.path, city.id, depths)) {
      const decision = rnd() < 0.75 ? 'RECOMMENDED' : rnd() < 0.5 ? 'NOT_RECOMMENDED' : 'PENDING';
      const decided = decision === 'PENDING' ? {} : { decidedAt: new Date(), reason: decision === 'NOT_RECOMMENDED' ? '名额已满' : null };
      await db.recommendation.create({ data: { campaignId: campaign.id, applicationId: app.id, organizationId: orgId, decision, ...decided } });
      if (decision !== 'RECOMMENDED') {
        top = false;
        break;
      }
    }
    if (top && rnd() < 0.8) listed.push(app.id);
  }
  const list = await db.brandList.create({ data: { campaignId: campaign.id, version: 1, publishedById: admin.id } });
  await db.brandListEntry.createMany({
    data: listed.map((applicationId, index) => ({ listId: list.id, applicationId, sortOrder: index, brandName: 'x', organizationName: 'x', fieldName: 'x', regionName: 'x' })),
  });

  const experts = await Promise.all([0, 1, 2, 3].map(() => createUser({ roles: [{ role: 'EXPERT', organizationId: city.id }] })));
  await db.expertPanel.create({ data: { campaignId: campaign.id, name: '第一组', members: { create: [{ expertId: experts[0]!.id }, { expertId: experts[1]!.id }] } } });
  const reviewed: string[] = [];
  for (const applicationId of listed) {
    for (const expert of experts) {
      if (rnd() < 0.4) continue;
      const submitted = rnd() < 0.6;
      await db.reviewAssignment.create({ data: { campaignId: campaign.id, applicationId, expertId: expert.id, submittedAt: submitted ? new Date() : null } });
      if (submitted) reviewed.push(applicationId);
    }
  }
  const decision = await db.decision.create({ data: { campaignId: campaign.id, kind: 'FINAL', version: 1, meetingDate: new Date(), attendees: '生成' } });
  const decided = [...new Set(reviewed)].filter(() => rnd() < 0.6);
  await db.decisionItem.createMany({ data: decided.map((applicationId, index) => ({ decisionId: decision.id, applicationId, rank: index + 1, score: 80 })) });
  await db.decision.update({ where: { id: decision.id }, data: { signedAt: new Date(), signedById: admin.id } });

  // Votes over two days, a few invalidated; voters are members of random branches.
  const voters = await Promise.all(
    Array.from({ length: 12 }, async (_, index) => db.voter.create({ data: { campaignId: campaign.id, kind: 'PUBLIC', phone: `139${seed}${String(index).padStart(4, '0')}`.slice(0, 11) } })),
  );
  const start = Date.now() - 2 * 86_400_000;
  const votes = Array.from({ length: 400 }, (_, index) => {
    const createdAt = new Date(start + Math.floor(rnd() * 48) * 3_600_000 + Math.floor(rnd() * 3_600_000));
    return {
      campaignId: campaign.id,
      applicationId: pick(listed.length ? listed : apps),
      voterId: pick(voters).id,
      voteDay: createdAt,
      receiptCode: randomUUID(),
      idempotencyKey: randomUUID(),
      ip: `10.${seed % 200}.${index % 7}.${index % 11}`,
      createdAt,
      invalidatedAt: rnd() < 0.1 ? new Date() : null,
      invalidReason: null,
    };
  });
  await db.vote.createMany({ data: votes.map((vote) => ({ ...vote, invalidReason: vote.invalidatedAt ? '生成' : null })) });

  // Objections in a publicity of the decision.
  await db.publicity.create({ data: { campaignId: campaign.id, decisionId: decision.id, startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 86_400_000) } });
  const statuses = ['RECEIVED', 'ACCEPTED', 'INVESTIGATING', 'ANSWERED', 'DECLINED'] as const;
  for (let index = 0; index < Math.min(8, decided.length * 2); index++) {
    await insertObjection(campaign.id, pick(decided), { status: pick(statuses) });
  }
  return { city, districts, committees, branches, campaign, apps };
}

describe('staff dashboard on a generated data set', () => {
  it('matches direct counts for the organizer and for each district and committee', async () => {
    const world = await generateCampaign(7);
    const board = await getStaffDashboard({ campaignId: world.campaign.id, rootOrgId: world.city.id });
    expect(board.funnel.stages[0]!.count).toBe(world.apps.length);
    expect(board.funnel.byDistrict.map((row) => row.id)).toEqual(world.districts.map((district) => district.id));
    expect(board.votes.valid + board.votes.invalid).toBe(400);
    await expectMatchesDirectCounts(board);
    for (const root of [...world.districts, ...world.committees]) await expectMatchesDirectCounts(await getStaffDashboard({ campaignId: world.campaign.id, rootOrgId: root.id }));
  }, 120_000);

  it("keeps a committee's dashboard to its subtree: entries, votes and objections elsewhere change nothing", async () => {
    const world = await generateCampaign(11);
    const committee = world.committees[0]!;
    const before = await getStaffDashboard({ campaignId: world.campaign.id, rootOrgId: committee.id });
    const funnelCampaign = await db.campaign.findUniqueOrThrow({ where: { id: world.campaign.id }, select: { id: true, ownerOrgId: true, program: true, recommendingDepths: true } });
    const own = await applicationIdsAtStage(funnelCampaign, committee.path, 'declared');
    expect(new Set(own).size).toBe(before.funnel.stages[0]!.count);
    const outside = world.branches.find((branch) => !branch.path.startsWith(committee.path))!;
    const stranger = await db.application.create({ data: { campaignId: world.campaign.id, organizationId: outside.id, slot: 1, status: 'SUBMITTED', brandName: '外部品牌' } }).catch(async () =>
      db.application.findFirstOrThrow({ where: { campaignId: world.campaign.id, organizationId: outside.id } }),
    );
    const voter = await db.voter.create({ data: { campaignId: world.campaign.id, kind: 'PUBLIC', phone: '13800009999' } });
    await db.vote.create({ data: { campaignId: world.campaign.id, applicationId: stranger.id, voterId: voter.id, voteDay: new Date(), receiptCode: randomUUID(), idempotencyKey: randomUUID() } });
    const after = await getStaffDashboard({ campaignId: world.campaign.id, rootOrgId: committee.id });
    expect(after.funnel).toEqual(before.funnel);
    expect(after.votes.valid).toBe(before.votes.valid);
    expect(after.objections).toEqual(before.objections);
    expect(after.quotas.map((row) => row.id).every((id) => world.committees.some((c) => c.id === id && c.path.startsWith(committee.path)))).toBe(true);
    await expectMatchesDirectCounts(after);
    const whole = await getStaffDashboard({ campaignId: world.campaign.id, rootOrgId: world.city.id });
    expect(whole.votes.valid).toBeGreaterThan(after.votes.valid);
  }, 120_000);
});
