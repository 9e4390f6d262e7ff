import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import { operationRefusal, type TCampaignOperation } from '@/lib/campaign/lifecycle';
import { loadPublicCampaign } from '@/lib/campaign/queries';
import { PROGRAM_STAGES } from '@/lib/campaign/templates';
import { publishBrandList } from '@/lib/brand-list/service';
import { bulkPassQualifications } from '@/lib/qualification/service';
import { listQualificationRows } from '@/lib/qualification/queries';
import { earlierHonoursOfEntry } from '@/lib/brand/honours';
import { getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { completeValues } from '../support/declarations';
import { getSheetForExpert } from '@/lib/review/scoring';
import { createTestCampaign, startDeclarationInPast } from '../support/campaigns';
import { createCreationScope, insertHonour, openStageNow, submitDeclaration } from '../support/brands';
import { createReviewScope } from '../support/reviews';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { finaliseCampaign } from '@/lib/publicity/service';
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { campaignToSetup } from '@/lib/campaign/setup-values';
import { updateCampaign } from '@/lib/campaign/service';
import { createOrg, createUser } from '../support/factories';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.19.2' });
const SELECTION_ONLY: TCampaignOperation[] = [
  'recommend',
  'cast-vote',
  'invalidate-votes',
  'assign-experts',
  'score',
  'reopen-sheet',
  'record-onsite',
  'deliberate',
  'correct-decision',
  'publish-publicity',
  'raise-objection',
  'handle-objection',
  'publish-announcement',
  'revoke-honor',
];

/** A 创建认定 campaign with `count` declarations submitted, passed at 资格把关 (no 逐级推荐), 资格把关 open. */
async function createQualifiedCreation(count: number) {
  const scope = await createCreationScope(count);
  const ids = [];
  for (const [index, { branch, secretary }] of scope.branches.entries()) {
    ids.push(await submitDeclaration(scope.campaign.id, branch.id, secretary.id, `创建品牌${index}-${Date.now().toString(36).slice(-4)}`));
  }
  await openStageNow(scope.campaign.id, 'QUALIFICATION');
  await bulkPassQualifications({ campaignId: scope.campaign.id, applicationIds: ids }, context(scope.eastAdmin.id));
  return { ...scope, ids };
}

describe('a 创建认定 campaign', () => {
  it('holds only its own stages: no vote, review, meeting or 公示, on the public page or in the state machine', async () => {
    const scope = await createCreationScope(0);
    const stages = await db.campaignStage.findMany({ where: { campaignId: scope.campaign.id }, select: { kind: true } });
    expect(stages.map((stage) => stage.kind).sort()).toEqual([...PROGRAM_STAGES.CREATION].sort());
    const page = await loadPublicCampaign(scope.campaign.id);
    expect(page?.campaign.program).toBe('CREATION');
    const kinds = page!.campaign.stages.map((stage) => stage.kind);
    for (const omitted of ['RECOMMENDATION', 'VOTING', 'EXPERT_REVIEW', 'ONSITE_CHECK', 'DELIBERATION', 'PUBLICITY', 'ANNOUNCEMENT'] as const) expect(kinds).not.toContain(omitted);

    // Whatever the dates: every operation of an omitted stage is refused, naming the program.
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '400 days', ends_at = now() - interval '300 days' WHERE campaign_id = ${scope.campaign.id}`;
    const life = await db.$transaction((tx) => loadLifecycle(tx, scope.campaign.id));
    expect(life.program).toBe('CREATION');
    for (const operation of SELECTION_ONLY) {
      const refusal = operationRefusal(operation, life);
      expect(refusal?.message, operation).toContain('创建认定活动没有');
    }
    expect(operationRefusal('finish', life)).toBeNull();
  });

  it('takes a submitted declaration straight to 资格把关 and enrols every listed brand in 培育创建 when the 品牌清单 is published', async () => {
    const scope = await createQualifiedCreation(3);
    const rows = await listQualificationRows({ id: scope.campaign.id, ownerOrgId: scope.east.id, program: 'CREATION', recommendingDepths: [] });
    expect(rows.map((row) => row.id).sort()).toEqual([...scope.ids].sort());
    expect(await db.recommendation.count({ where: { campaignId: scope.campaign.id } })).toBe(0);

    const result = await publishBrandList({ campaignId: scope.campaign.id, reason: '' }, context(scope.eastAdmin.id));
    expect(result.enrolled).toBe(3);
    const cultivations = await db.cultivation.findMany({ where: { campaignId: scope.campaign.id }, select: { applicationId: true, brandId: true, status: true, application: { select: { brandId: true } } } });
    expect(cultivations.map((row) => row.applicationId).sort()).toEqual([...scope.ids].sort());
    for (const row of cultivations) {
      expect(row.status).toBe('CULTIVATING');
      expect(row.brandId).toBe(row.application.brandId);
    }
    const audit = await db.auditLog.findFirst({ where: { action: 'enrol-cultivations', entityId: scope.campaign.id }, select: { after: true } });
    expect(audit?.after).toMatchObject({ source: 'list', cultivations: 3 });
  });

  it('ends the 培育创建 of an entry a later 品牌清单 version no longer lists, and keeps the others', async () => {
    const scope = await createQualifiedCreation(3);
    await publishBrandList({ campaignId: scope.campaign.id, reason: '' }, context(scope.eastAdmin.id));
    const [dropped, ...kept] = [...scope.ids].sort();
    // The entry is found not to qualify after all (资格把关 corrected), and the list is published again without it.
    await db.qualification.updateMany({ where: { applicationId: dropped }, data: { result: 'FAILED', reason: '经核实不符合申报条件' } });
    await publishBrandList({ campaignId: scope.campaign.id, reason: '经核实，删去一个不符合条件的品牌' }, context(scope.eastAdmin.id));
    const rows = await db.cultivation.findMany({ where: { campaignId: scope.campaign.id }, select: { applicationId: true, status: true, endedAt: true } });
    expect(Object.fromEntries(rows.map((row) => [row.applicationId, row.status]))).toEqual({ [dropped!]: 'ENDED', [kept[0]!]: 'CULTIVATING', [kept[1]!]: 'CULTIVATING' });
    expect(rows.find((row) => row.applicationId === dropped)?.endedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'end-cultivations', entityId: scope.campaign.id }, select: { after: true } });
    expect(audit.after).toEqual({ source: 'list', ended: 1, applicationIds: [dropped] });
  });

  it('enrols each entry exactly once when two publications race', async () => {
    const scope = await createQualifiedCreation(2);
    const results = await Promise.all([
      publishBrandList({ campaignId: scope.campaign.id, reason: '' }, context(scope.eastAdmin.id)),
      publishBrandList({ campaignId: scope.campaign.id, reason: '同时发布的第二个版本' }, context(scope.eastAdmin.id)),
    ].map((promise) => promise.catch((error: unknown) => error)));
    const published = results.filter((result) => !(result instanceof Error));
    expect(published.length).toBeGreaterThanOrEqual(1);
    expect(await db.cultivation.count({ where: { campaignId: scope.campaign.id } })).toBe(2);
    // A later version enrols nobody twice.
    const again = await publishBrandList({ campaignId: scope.campaign.id, reason: '名单重新发布一次' }, context(scope.eastAdmin.id));
    expect(again.enrolled).toBe(0);
    expect(await db.cultivation.count({ where: { campaignId: scope.campaign.id } })).toBe(2);
  });
});

describe('the lasting brand', () => {
  it('is assigned on submit: the same organization and name in two campaigns is one brand, another name another', async () => {
    const scope = await createCreationScope(1);
    const [{ branch, secretary }] = scope.branches;
    const first = await submitDeclaration(scope.campaign.id, branch.id, secretary.id, '  红色引擎  ');
    const { campaign: second } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
    await startDeclarationInPast(second.id);
    const again = await submitDeclaration(second.id, branch.id, secretary.id, '红色引擎');
    const rows = await db.application.findMany({ where: { id: { in: [first, again] } }, select: { brandId: true } });
    expect(rows[0].brandId).toBeTruthy();
    expect(rows[0].brandId).toBe(rows[1].brandId);
    const brand = await db.brand.findUniqueOrThrow({ where: { id: rows[0].brandId! }, select: { organizationId: true, name: true } });
    expect(brand).toEqual({ organizationId: branch.id, name: '红色引擎' });

    const other = await createOrg({ parent: scope.eastCommittee });
    const otherSecretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: other.id }] });
    const elsewhere = await submitDeclaration(second.id, other.id, otherSecretary.id, '红色引擎');
    const otherRow = await db.application.findUniqueOrThrow({ where: { id: elsewhere }, select: { brandId: true } });
    expect(otherRow.brandId).not.toBe(rows[0].brandId);
  });

  it('从上次申报开始: a new declaration copies the brand\'s last submitted text and keeps the brand, even renamed', async () => {
    const scope = await createCreationScope(2);
    const [{ branch, secretary }, other] = scope.branches;
    const first = await submitDeclaration(scope.campaign.id, branch.id, secretary.id, '初心驿站');
    const { brandId } = await db.application.findUniqueOrThrow({ where: { id: first }, select: { brandId: true } });
    const { campaign: next } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true, changes: { batch: 3 } });
    await startDeclarationInPast(next.id);

    // Another branch may not start from it.
    expect((await rejection(getOrCreateDraft({ campaignId: next.id, organizationId: other.branch.id, brandId: brandId! }, context(other.secretary.id)))).code).toBe('NOT_FOUND');

    const draft = await getOrCreateDraft({ campaignId: next.id, organizationId: branch.id, brandId: brandId! }, context(secretary.id));
    const copied = await db.application.findUniqueOrThrow({ where: { id: draft.id }, select: { brandId: true, brandName: true, essence: true, status: true, revision: true } });
    expect(copied).toMatchObject({ brandId, brandName: '初心驿站', essence: '品牌内涵的说明', status: 'DRAFT' });
    await submitApplication({ applicationId: draft.id, revision: copied.revision, values: await completeValues(next.id, '初心驿站2.0') }, context(secretary.id));
    expect((await db.application.findUniqueOrThrow({ where: { id: draft.id }, select: { brandId: true } })).brandId).toBe(brandId);
    expect((await db.brand.findUniqueOrThrow({ where: { id: brandId! }, select: { name: true } })).name).toBe('初心驿站2.0');
  });

  it('carries a district honour into a city campaign: the city reviewer and staff see it', async () => {
    const scope = await createReviewScope({ entries: 2 });
    const [carried, fresh] = scope.entries;
    const own = await db.application.findUniqueOrThrow({ where: { id: carried.id }, select: { organizationId: true, brandName: true, brandId: true, secretaryName: true } });
    expect(own.brandId).toBeTruthy();
    // The same brand, declared and honoured a year earlier in the district's own campaign.
    const districtAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.district.id }] });
    const { campaign: district } = await createTestCampaign({ ownerOrgId: scope.district.id, actorId: districtAdmin.id, publish: true });
    const earlier = await db.application.create({
      data: { campaignId: district.id, organizationId: own.organizationId, brandName: own.brandName, brandId: own.brandId, status: 'SUBMITTED', submittedAt: new Date() },
      select: { id: true },
    });
    await insertHonour({ campaignId: district.id, applicationId: earlier.id, actorId: districtAdmin.id, awardName: '区级示范品牌' });

    const honours = await earlierHonoursOfEntry(carried.id);
    expect(honours).toHaveLength(1);
    expect(honours[0]).toMatchObject({ awardName: '区级示范品牌', campaignId: district.id, revokedAt: null });
    expect(await earlierHonoursOfEntry(fresh.id)).toEqual([]);

    await db.reviewAssignment.create({ data: { campaignId: scope.campaign.id, applicationId: carried.id, expertId: scope.cityExpert.id } });
    const assignment = await db.reviewAssignment.findFirstOrThrow({ where: { applicationId: carried.id, expertId: scope.cityExpert.id }, select: { id: true } });
    const sheet = await getSheetForExpert(assignment.id, scope.cityExpert.id);
    expect(sheet.earlierHonours.map((honour) => honour.awardName)).toEqual(['区级示范品牌']);
    // The campaign's own honours are not "earlier" ones.
    expect(sheet.earlierHonours.every((honour) => honour.campaignId !== scope.campaign.id)).toBe(true);
    expect((await rejection(getSheetForExpert(assignment.id, scope.westExpert.id))).code).toBe('NOT_FOUND');
  });
});

describe('a 选树 campaign with 培育创建 switched on', () => {
  it('gets the stage rows when its setup switches 培育创建 on after the fact', async () => {
    const scope = await createCreationScope(0);
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id });
    expect(await db.campaignStage.count({ where: { campaignId: campaign.id, kind: 'CULTIVATION' } })).toBe(0);
    const setup = campaignToSetup((await getCampaignDetail(campaign.id))!);
    expect(setup.stages.map((stage) => stage.kind)).toEqual([...PROGRAM_STAGES.SELECTION]);
    const stages = setup.stages.map((stage) => (stage.kind === 'CULTIVATION' ? { ...stage, isEnabled: true } : stage));
    expect((await updateCampaign({ ...setup, stages, id: campaign.id }, context(scope.eastAdmin.id))).changedStages).toBe(1);
    expect(await db.campaignStage.findFirst({ where: { campaignId: campaign.id, kind: 'CULTIVATION' }, select: { isEnabled: true } })).toEqual({ isEnabled: true });
    expect(await db.campaignStage.count({ where: { campaignId: campaign.id, kind: { in: ['ACCEPTANCE', 'PROMOTION'] } } })).toBe(0);
    // The template stays what it was.
    expect((await rejection(updateCampaign({ ...setup, program: 'CREATION', id: campaign.id }, context(scope.eastAdmin.id)))).code).toBe('INVALID_INPUT');
  });

  it('enrols the honoured entries when the 表彰决定 is published', async () => {
    const scope = await createAwardedScope({ entries: 3, awarded: 2 });
    const campaignId = scope.campaign.id;
    expect(await db.campaignStage.count({ where: { campaignId, kind: 'CULTIVATION' } })).toBe(0);
    await openPublicity(campaignId, scope.cityAdmin.id);
    await endPublicity(campaignId);

    const last = await db.campaignStage.findFirstOrThrow({ where: { campaignId, kind: 'ANNOUNCEMENT' }, select: { endsAt: true } });
    await db.campaignStage.create({ data: { campaignId, kind: 'CULTIVATION', startsAt: last.endsAt, endsAt: new Date(last.endsAt.getTime() + 200 * 86_400_000) } });

    const input = { campaignId, title: '关于命名表彰优秀党建品牌的决定', documentNo: '示范组通〔2026〕31号', preamble: '经研究，决定对以下党建品牌予以通报表扬。', issuedOn: shanghaiDay() };
    expect((await finaliseCampaign(input, context(scope.cityAdmin.id))).honors).toBe(2);
    const enrolled = await db.cultivation.findMany({ where: { campaignId }, select: { applicationId: true } });
    expect(enrolled.map((row) => row.applicationId).sort()).toEqual(scope.entries.slice(0, 2).map((entry) => entry.id).sort());
    const audit = await db.auditLog.findFirst({ where: { action: 'enrol-cultivations', entityId: campaignId }, select: { after: true } });
    expect(audit?.after).toMatchObject({ source: 'announcement', cultivations: 2 });
  });

  it('enrols nobody when 培育创建 is not switched on', async () => {
    const scope = await createAwardedScope({ entries: 2 });
    await openPublicity(scope.campaign.id, scope.cityAdmin.id);
    await endPublicity(scope.campaign.id);
    const input = { campaignId: scope.campaign.id, title: '关于通报表扬的决定', documentNo: '示范组通〔2026〕32号', preamble: '经研究，决定对以下党建品牌予以通报表扬。', issuedOn: shanghaiDay() };
    expect((await finaliseCampaign(input, context(scope.cityAdmin.id))).honors).toBe(2);
    expect(await db.cultivation.count({ where: { campaignId: scope.campaign.id } })).toBe(0);
  });
});
