import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { DEFAULT_QUALIFICATION_CHECKLIST } from '@/lib/qualification/checklist';
import { buildQualificationWorkbook } from '@/lib/qualification/export';
import { getQualificationPage, listQualificationRows, listQualificationTable } from '@/lib/qualification/queries';
import { ZQualificationSearch } from '@/lib/qualification/schema';
import { bulkPassQualifications, qualifyApplication, revokeQualification, updateQualificationChecklist } from '@/lib/qualification/service';
import { getPublicBrandList, listBrandListVersions } from '@/lib/brand-list/queries';
import { publishBrandList } from '@/lib/brand-list/service';
import { completeValues, createDeclarationScope } from '../support/declarations';
import { createOrg, createUser } from '../support/factories';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.6.1' });
const ALL_TICKED = Object.fromEntries(DEFAULT_QUALIFICATION_CHECKLIST.map((item) => [item, true]));


async function setQualificationWindow(campaignId: string, window: 'open' | 'upcoming' | 'closed') {
  if (window === 'open') {
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'QUALIFICATION'`;
  } else if (window === 'upcoming') {
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() + interval '1 hour', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaignId} AND kind = 'QUALIFICATION'`;
  } else {
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 second' WHERE campaign_id = ${campaignId} AND kind = 'QUALIFICATION'`;
  }
}

async function submit(campaignId: string, organizationId: string, secretaryId: string, brandName: string) {
  const { id } = await getOrCreateDraft({ campaignId, organizationId }, context(secretaryId));
  const { revision } = await db.application.findUniqueOrThrow({ where: { id }, select: { revision: true } });
  await submitApplication({ applicationId: id, revision, values: await completeValues(campaignId, brandName) }, context(secretaryId));
  return id;
}

async function recommend(campaignId: string, applicationId: string, organizationId: string) {
  await db.recommendation.create({ data: { campaignId, applicationId, organizationId, decision: 'RECOMMENDED', decidedAt: new Date() } });
}

/**
 * The east district's campaign in its 资格审查 stage (declaration still open, so returned entries can be resubmitted):
 * branches A and B recommended by their committee, branch C submitted but not yet recommended, branch D directly
 * under the district (no recommending level), plus a city-level organization admin.
 */
async function createQualificationScope() {
  const scope = await createDeclarationScope();
  const campaignId = scope.campaign.id;
  const branchC = await createOrg({ parent: scope.eastCommittee });
  const branchD = await createOrg({ parent: scope.east });
  const secretaryC = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branchC.id }] });
  const secretaryD = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: branchD.id }] });
  const cityAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.city.id }] });
  const tag = Date.now().toString(36).slice(-4);
  const a = await submit(campaignId, scope.branchA.id, scope.secretaryA.id, `初心驿站${tag}`);
  const b = await submit(campaignId, scope.branchB.id, scope.secretaryB.id, `红色管家${tag}`);
  const c = await submit(campaignId, branchC.id, secretaryC.id, `邻里守望${tag}`);
  const d = await submit(campaignId, branchD.id, secretaryD.id, `先锋引擎${tag}`);
  await recommend(campaignId, a, scope.eastCommittee.id);
  await recommend(campaignId, b, scope.eastCommittee.id);
  await setQualificationWindow(campaignId, 'open');
  return { ...scope, campaignId, branchC, branchD, secretaryC, secretaryD, cityAdmin, ids: { a, b, c, d } };
}

const pass = (applicationId: string, actorId: string, checks: Record<string, boolean> = ALL_TICKED) =>
  qualifyApplication({ applicationId, checks, result: 'PASSED' }, context(actorId));

describe('who may qualify', () => {
  it('only an organization admin of the owner (or above) qualifies; a committee admin and another district are refused', async () => {
    const scope = await createQualificationScope();
    for (const outsider of [scope.committeeAdmin, scope.westAdmin, scope.secretaryA]) {
      const error = await rejection(pass(scope.ids.a, outsider.id));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('组织部工作人员');
      expect((await rejection(bulkPassQualifications({ campaignId: scope.campaignId, applicationIds: [scope.ids.a] }, context(outsider.id)))).code).toBe('FORBIDDEN');
      expect((await rejection(publishBrandList({ campaignId: scope.campaignId }, context(outsider.id)))).code).toBe('FORBIDDEN');
    }
    expect(await db.qualification.count({ where: { campaignId: scope.campaignId } })).toBe(0);
    expect(await db.brandList.count({ where: { campaignId: scope.campaignId } })).toBe(0);

    await pass(scope.ids.a, scope.eastAdmin.id);
    await pass(scope.ids.b, scope.cityAdmin.id);
    const stored = await db.qualification.findMany({ where: { campaignId: scope.campaignId }, select: { applicationId: true, result: true, reviewedById: true } });
    expect(stored).toHaveLength(2);
    expect(stored.find((row) => row.applicationId === scope.ids.a)).toMatchObject({ result: 'PASSED', reviewedById: scope.eastAdmin.id });
    expect(await db.auditLog.count({ where: { action: 'qualify-application', entityId: { in: [scope.ids.a, scope.ids.b] } } })).toBe(2);
  });
});

describe('the 资格审查 window', () => {
  it('refuses qualifying before and after the stage, and publishing before it starts', async () => {
    const scope = await createQualificationScope();
    await setQualificationWindow(scope.campaignId, 'upcoming');
    const early = await rejection(pass(scope.ids.a, scope.eastAdmin.id));
    expect(early).toMatchObject({ code: 'STAGE_LOCKED', message: '资格审查阶段尚未开始，暂不能审查' });
    expect(await rejection(publishBrandList({ campaignId: scope.campaignId }, context(scope.eastAdmin.id)))).toMatchObject({
      code: 'STAGE_LOCKED',
      message: '资格审查阶段开始后才能发布品牌清单',
    });

    await setQualificationWindow(scope.campaignId, 'open');
    await pass(scope.ids.a, scope.eastAdmin.id);
    await setQualificationWindow(scope.campaignId, 'closed');
    expect(await rejection(pass(scope.ids.b, scope.eastAdmin.id))).toMatchObject({ code: 'STAGE_LOCKED', message: '资格审查阶段已结束，不能再修改审查结果' });
    expect((await rejection(revokeQualification({ applicationId: scope.ids.a }, context(scope.eastAdmin.id)))).code).toBe('STAGE_LOCKED');
    expect((await rejection(bulkPassQualifications({ campaignId: scope.campaignId, applicationIds: [scope.ids.b] }, context(scope.eastAdmin.id)))).code).toBe('STAGE_LOCKED');
    // Once the stage has ended the list may still be published (or corrected).
    expect(await publishBrandList({ campaignId: scope.campaignId }, context(scope.eastAdmin.id))).toMatchObject({ version: 1, entryCount: 1 });
  });

  it('refuses an entry that has not climbed every recommending level', async () => {
    const scope = await createQualificationScope();
    expect(await rejection(pass(scope.ids.c, scope.eastAdmin.id))).toMatchObject({ code: 'CONFLICT' });
    await db.recommendation.create({ data: { campaignId: scope.campaignId, applicationId: scope.ids.c, organizationId: scope.eastCommittee.id, decision: 'NOT_RECOMMENDED', reason: '名额已满', decidedAt: new Date() } });
    expect((await rejection(pass(scope.ids.c, scope.eastAdmin.id))).code).toBe('CONFLICT');
    expect(await db.qualification.count({ where: { applicationId: scope.ids.c } })).toBe(0);
  });
});

describe('qualifying one entry', () => {
  it('passes only with every checklist item ticked, and may be revoked while the stage is open', async () => {
    const scope = await createQualificationScope();
    const missing = await rejection(pass(scope.ids.a, scope.eastAdmin.id, { ...ALL_TICKED, [DEFAULT_QUALIFICATION_CHECKLIST[2]]: false }));
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toContain('所有审查项都符合才能通过');
    expect((await rejection(pass(scope.ids.a, scope.eastAdmin.id, {}))).code).toBe('INVALID_INPUT');
    expect(await db.qualification.count({ where: { applicationId: scope.ids.a } })).toBe(0);

    await pass(scope.ids.a, scope.eastAdmin.id, { ...ALL_TICKED, 不在清单上的项: false });
    const stored = await db.qualification.findUniqueOrThrow({ where: { applicationId: scope.ids.a } });
    expect(stored.result).toBe('PASSED');
    expect(stored.checks).toEqual(ALL_TICKED);

    const page = await getQualificationPage(await db.campaign.findUniqueOrThrow({ where: { id: scope.campaignId } }), ZQualificationSearch.parse({}));
    expect(page.counts).toEqual({ total: 3, pending: 2, passed: 1, failed: 0 });
    expect(page.rows.map((row) => row.id).sort()).toEqual([scope.ids.a, scope.ids.b, scope.ids.d].sort());

    await revokeQualification({ applicationId: scope.ids.a }, context(scope.eastAdmin.id));
    expect(await db.qualification.count({ where: { applicationId: scope.ids.a } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'revoke-qualification', entityId: scope.ids.a } })).toBe(1);
  });

  it('FAILED returns the entry to the branch with the reason; revised during 资格审查 it comes straight back, its recommendations kept', async () => {
    const scope = await createQualificationScope();
    // Declaration and recommendation are over: only the 资格审查 window lets the branch resubmit.
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '4 days', ends_at = now() - interval '2 days' WHERE campaign_id = ${scope.campaignId} AND kind = 'DECLARATION'`;
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 hour' WHERE campaign_id = ${scope.campaignId} AND kind = 'RECOMMENDATION'`;
    const short = await rejection(qualifyApplication({ applicationId: scope.ids.a, checks: ALL_TICKED, result: 'FAILED', reason: '不行' }, context(scope.eastAdmin.id)));
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.message).toContain('至少 5 个字');
    await pass(scope.ids.a, scope.eastAdmin.id);

    // A passed entry may still be failed while the stage is open.
    const reason = '品牌创建不满一年，请补充运行成效后重新申报';
    await qualifyApplication({ applicationId: scope.ids.a, checks: { ...ALL_TICKED, [DEFAULT_QUALIFICATION_CHECKLIST[2]]: false }, result: 'FAILED', reason }, context(scope.eastAdmin.id));
    const returned = await db.application.findUniqueOrThrow({
      where: { id: scope.ids.a },
      select: { status: true, returnReason: true, returnedFrom: true, revision: true, qualification: true, recommendations: { select: { organizationId: true, decision: true } }, versions: { select: { number: true, returnReason: true, returnedById: true } } },
    });
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: reason, returnedFrom: 'QUALIFICATION', qualification: null });
    expect(returned.recommendations).toEqual([{ organizationId: scope.eastCommittee.id, decision: 'RECOMMENDED' }]);
    expect(returned.versions).toEqual([{ number: 1, returnReason: reason, returnedById: scope.eastAdmin.id }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'fail-qualification', entityId: scope.ids.a } });
    expect(audit.after).toMatchObject({ status: 'RETURNED', result: 'FAILED', reason, version: 1, checks: { [DEFAULT_QUALIFICATION_CHECKLIST[2]]: false } });
    expect(await rejection(pass(scope.ids.a, scope.eastAdmin.id))).toMatchObject({ code: 'CONFLICT' });
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: scope.campaignId } });
    expect((await listQualificationRows(campaign)).map((row) => row.id)).not.toContain(scope.ids.a);

    await submitApplication({ applicationId: scope.ids.a, revision: returned.revision, values: await completeValues(scope.campaignId, '初心驿站二版') }, context(scope.secretaryA.id));
    const back = (await listQualificationRows(campaign)).find((row) => row.id === scope.ids.a);
    expect(back).toMatchObject({ brandName: '初心驿站二版', result: null });
    await pass(scope.ids.a, scope.eastAdmin.id);
    expect((await db.qualification.findUniqueOrThrow({ where: { applicationId: scope.ids.a } })).result).toBe('PASSED');

    // Once 资格审查 is over, a failed entry can no longer be resubmitted.
    await qualifyApplication({ applicationId: scope.ids.b, checks: ALL_TICKED, result: 'FAILED', reason: '申报材料与实际不符，请核实' }, context(scope.eastAdmin.id));
    await setQualificationWindow(scope.campaignId, 'closed');
    const { revision } = await db.application.findUniqueOrThrow({ where: { id: scope.ids.b }, select: { revision: true } });
    const late = await rejection(submitApplication({ applicationId: scope.ids.b, revision, values: await completeValues(scope.campaignId, '红色管家二版') }, context(scope.secretaryB.id)));
    expect(late).toMatchObject({ code: 'STAGE_LOCKED', message: '资格审查已结束，不能再修改或重新提交' });
    expect((await db.application.findUniqueOrThrow({ where: { id: scope.ids.b }, select: { status: true } })).status).toBe('RETURNED');
  });
});

describe('bulk pass', () => {
  it('is all-or-nothing', async () => {
    const scope = await createQualificationScope();
    const refused = await rejection(bulkPassQualifications({ campaignId: scope.campaignId, applicationIds: [scope.ids.a, scope.ids.b, scope.ids.c] }, context(scope.eastAdmin.id)));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('邻里守望');
    expect(refused.message).toContain('未作任何更改');
    expect(await db.qualification.count({ where: { campaignId: scope.campaignId } })).toBe(0);

    // An entry of another campaign is refused the same way.
    const other = await createQualificationScope();
    expect((await rejection(bulkPassQualifications({ campaignId: scope.campaignId, applicationIds: [scope.ids.a, other.ids.a] }, context(scope.eastAdmin.id)))).code).toBe('CONFLICT');
    expect(await db.qualification.count({ where: { applicationId: { in: [scope.ids.a, other.ids.a] } } })).toBe(0);

    expect(await bulkPassQualifications({ campaignId: scope.campaignId, applicationIds: [scope.ids.a, scope.ids.b, scope.ids.d, scope.ids.a] }, context(scope.eastAdmin.id))).toMatchObject({ count: 3 });
    const rows = await db.qualification.findMany({ where: { campaignId: scope.campaignId } });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ result: 'PASSED', checks: ALL_TICKED, reviewedById: scope.eastAdmin.id });
    expect(await db.auditLog.count({ where: { action: 'qualify-application', entityId: { in: [scope.ids.a, scope.ids.b, scope.ids.d] } } })).toBe(3);
  });
});

describe('publishing the 品牌清单', () => {
  it('refuses an empty list; twice makes versions 1 and 2, the second with a reason', async () => {
    const scope = await createQualificationScope();
    expect(await rejection(publishBrandList({ campaignId: scope.campaignId }, context(scope.eastAdmin.id)))).toMatchObject({
      code: 'CONFLICT',
      message: '还没有通过资格审查的品牌，不能发布空的品牌清单',
    });
    await pass(scope.ids.a, scope.eastAdmin.id);
    await pass(scope.ids.d, scope.eastAdmin.id);
    expect(await publishBrandList({ campaignId: scope.campaignId }, context(scope.eastAdmin.id))).toEqual({ campaignId: scope.campaignId, version: 1, entryCount: 2, enrolled: 0 });

    await pass(scope.ids.b, scope.eastAdmin.id);
    const noReason = await rejection(publishBrandList({ campaignId: scope.campaignId, reason: '补充' }, context(scope.eastAdmin.id)));
    expect(noReason.code).toBe('INVALID_INPUT');
    expect(noReason.fieldErrors?.reason).toContain('变更理由');
    expect(await publishBrandList({ campaignId: scope.campaignId, reason: '增补红色管家品牌' }, context(scope.eastAdmin.id))).toMatchObject({ version: 2, entryCount: 3 });

    const lists = await db.brandList.findMany({ where: { campaignId: scope.campaignId }, orderBy: { version: 'asc' }, include: { entries: { orderBy: { sortOrder: 'asc' } } } });
    expect(lists.map((list) => [list.version, list.reason, list.entries.length])).toEqual([[1, null, 2], [2, '增补红色管家品牌', 3]]);
    const entryA = lists[1].entries.find((entry) => entry.applicationId === scope.ids.a)!;
    const entryD = lists[1].entries.find((entry) => entry.applicationId === scope.ids.d)!;
    // Region = the unit one level below the owner (the committee), or the declaring org when it sits right under it.
    expect(entryA).toMatchObject({ organizationName: scope.branchA.name, regionName: scope.eastCommittee.name });
    expect(entryD).toMatchObject({ organizationName: scope.branchD.name, regionName: scope.branchD.name });
    expect(entryA.fieldName).not.toBe('');

    const versions = await listBrandListVersions(scope.campaignId);
    expect(versions.map((version) => [version.version, version.entryCount, version.change])).toEqual([[2, 3, { added: 1, removed: 0 }], [1, 2, null]]);
    expect(await db.auditLog.count({ where: { action: 'publish-brand-list', entityId: { in: lists.map((list) => list.id) } } })).toBe(2);
  });

  it('five simultaneous publications end with versions 1 to 5 and no unique violation', async () => {
    const scope = await createQualificationScope();
    await pass(scope.ids.a, scope.eastAdmin.id);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) => publishBrandList({ campaignId: scope.campaignId, reason: `第 ${index + 1} 位管理员同时发布` }, context(index % 2 ? scope.cityAdmin.id : scope.eastAdmin.id))),
    );
    const failures = results.filter((result) => result.status === 'rejected');
    expect(failures).toEqual([]);
    const versions = await db.brandList.findMany({ where: { campaignId: scope.campaignId }, select: { version: true }, orderBy: { version: 'asc' } });
    expect(versions.map((list) => list.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('the public query shows the latest version grouped by field and region, and any older version on request', async () => {
    const scope = await createQualificationScope();
    await pass(scope.ids.a, scope.eastAdmin.id);
    await publishBrandList({ campaignId: scope.campaignId }, context(scope.eastAdmin.id));
    await pass(scope.ids.b, scope.eastAdmin.id);
    await pass(scope.ids.d, scope.eastAdmin.id);
    await publishBrandList({ campaignId: scope.campaignId, reason: '增补两个品牌' }, context(scope.eastAdmin.id));

    const latest = await getPublicBrandList(scope.campaignId);
    expect(latest?.versions.map((version) => [version.version, version.reason, version.entryCount])).toEqual([[2, '增补两个品牌', 3], [1, null, 1]]);
    expect(latest?.selected).toMatchObject({ version: 2, isLatest: true });
    expect(latest?.selected?.entries).toHaveLength(3);
    const byRegion = Object.fromEntries(latest!.selected!.byRegion.map((group) => [group.name, group.entries.map((entry) => entry.applicationId).sort()]));
    expect(byRegion).toEqual({ [scope.eastCommittee.name]: [scope.ids.a, scope.ids.b].sort(), [scope.branchD.name]: [scope.ids.d] });
    expect(latest!.selected!.byField.flatMap((group) => group.entries)).toHaveLength(3);

    const first = await getPublicBrandList(scope.campaignId, 1);
    expect(first?.selected).toMatchObject({ version: 1, isLatest: false });
    expect(first?.selected?.entries.map((entry) => entry.applicationId)).toEqual([scope.ids.a]);

    expect(await getPublicBrandList('no-such-campaign')).toBeNull();
    const empty = await createDeclarationScope();
    expect(await getPublicBrandList(empty.campaign.id)).toMatchObject({ versions: [], selected: null });
  });
});

describe('the qualification table in Excel', () => {
  it('has the Chinese headers, one column per checklist item, and a row per entry', async () => {
    const scope = await createQualificationScope();
    await pass(scope.ids.a, scope.eastAdmin.id);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: scope.campaignId } });
    const rows = await listQualificationRows(campaign);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildQualificationWorkbook(campaign.title, DEFAULT_QUALIFICATION_CHECKLIST, rows)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('资格审查表')!;
    const values = (rowNumber: number) => (sheet.getRow(rowNumber).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['序号', '品牌名称', '申报单位', '所属地区', '领域', ...DEFAULT_QUALIFICATION_CHECKLIST, '审查结果', '审查意见', '审查人', '审查时间']);
    const dataRows = [3, 4, 5].map(values);
    const passedRow = dataRows.find((row) => row[2] === scope.branchA.name)!;
    expect(passedRow.slice(5, 5 + DEFAULT_QUALIFICATION_CHECKLIST.length).every((cell) => cell === '符合')).toBe(true);
    expect(passedRow[5 + DEFAULT_QUALIFICATION_CHECKLIST.length]).toBe('通过');
    expect(passedRow[3]).toBe(scope.eastCommittee.name);
    expect(dataRows.filter((row) => row[5 + DEFAULT_QUALIFICATION_CHECKLIST.length] === '待审查')).toHaveLength(2);
    expect(sheet.rowCount).toBe(5);
  });
});

describe('the campaign’s own checklist', () => {
  it('is set before the stage by the owner’s admin, then every item must be ticked; locked once the stage starts', async () => {
    const scope = await createQualificationScope();
    await setQualificationWindow(scope.campaignId, 'upcoming');
    const items = ['申报材料齐全', '品牌运行满两年'];
    expect((await rejection(updateQualificationChecklist({ campaignId: scope.campaignId, items }, context(scope.westAdmin.id)))).code).toBe('FORBIDDEN');
    expect((await rejection(updateQualificationChecklist({ campaignId: scope.campaignId, items: ['重复项', '重复项'] }, context(scope.eastAdmin.id)))).code).toBe('INVALID_INPUT');
    await updateQualificationChecklist({ campaignId: scope.campaignId, items }, context(scope.eastAdmin.id));

    await setQualificationWindow(scope.campaignId, 'open');
    expect((await rejection(updateQualificationChecklist({ campaignId: scope.campaignId, items: ['别的条件'] }, context(scope.eastAdmin.id)))).code).toBe('STAGE_LOCKED');
    // The default list's ticks no longer pass: the campaign's two items are what count.
    expect((await rejection(pass(scope.ids.a, scope.eastAdmin.id))).code).toBe('INVALID_INPUT');
    await pass(scope.ids.a, scope.eastAdmin.id, { 申报材料齐全: true, 品牌运行满两年: true });
    expect(await db.qualification.findUniqueOrThrow({ where: { applicationId: scope.ids.a }, select: { checks: true } })).toEqual({ checks: { 申报材料齐全: true, 品牌运行满两年: true } });
    expect(await db.auditLog.count({ where: { entityId: scope.campaignId, action: 'update-qualification-checklist' } })).toBe(1);
  });
});

describe('entries 资格审查 failed', () => {
  it('stay on the board under 未通过 with the reason, who and when, until the branch resubmits', async () => {
    const scope = await createQualificationScope();
    await pass(scope.ids.a, scope.eastAdmin.id);
    const reason = '品牌创建不满一年，请补充运行成效后重新申报';
    const checks = { ...ALL_TICKED, [DEFAULT_QUALIFICATION_CHECKLIST[1]]: false };
    await qualifyApplication({ applicationId: scope.ids.b, checks, result: 'FAILED', reason }, context(scope.eastAdmin.id));
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: scope.campaignId } });
    const reviewer = await db.user.findUniqueOrThrow({ where: { id: scope.eastAdmin.id }, select: { displayName: true } });

    const failed = await getQualificationPage(campaign, ZQualificationSearch.parse({ state: 'FAILED' }));
    expect(failed.counts).toEqual({ total: 3, pending: 1, passed: 1, failed: 1 });
    expect(failed.rows).toHaveLength(1);
    expect(failed.rows[0]).toMatchObject({ id: scope.ids.b, result: 'FAILED', reason, reviewerName: reviewer.displayName, organizationName: scope.branchB.name, regionName: scope.eastCommittee.name, checks });
    expect(failed.rows[0].reviewedAt).toBeInstanceOf(Date);
    const all = await getQualificationPage(campaign, ZQualificationSearch.parse({}));
    expect(all.rows.map((row) => [row.id, row.result])).toEqual(expect.arrayContaining([[scope.ids.a, 'PASSED'], [scope.ids.d, null], [scope.ids.b, 'FAILED']]));
    expect((await getQualificationPage(campaign, ZQualificationSearch.parse({ state: 'PENDING' }))).rows.map((row) => row.id)).toEqual([scope.ids.d]);

    const { revision } = await db.application.findUniqueOrThrow({ where: { id: scope.ids.b }, select: { revision: true } });
    await submitApplication({ applicationId: scope.ids.b, revision, values: await completeValues(scope.campaignId, '红色管家二版') }, context(scope.secretaryB.id));
    const after = await getQualificationPage(campaign, ZQualificationSearch.parse({}));
    expect(after.counts).toMatchObject({ pending: 2, failed: 0 });
    expect(after.rows.find((row) => row.id === scope.ids.b)).toMatchObject({ result: null, resubmittedAfter: reason });
  });

  it('are in the 资格审查表 export with 不通过, the reason, the unticked items, who and when', async () => {
    const scope = await createQualificationScope();
    await pass(scope.ids.a, scope.eastAdmin.id);
    const reason = '申报材料与实际不符，请核实后重新申报';
    await qualifyApplication({ applicationId: scope.ids.b, checks: { ...ALL_TICKED, [DEFAULT_QUALIFICATION_CHECKLIST[0]]: false }, result: 'FAILED', reason }, context(scope.eastAdmin.id));
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: scope.campaignId } });
    const reviewer = await db.user.findUniqueOrThrow({ where: { id: scope.eastAdmin.id }, select: { displayName: true } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildQualificationWorkbook(campaign.title, DEFAULT_QUALIFICATION_CHECKLIST, await listQualificationTable(campaign))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('资格审查表')!;
    expect(sheet.rowCount).toBe(5);
    const rows = [3, 4, 5].map((rowNumber) => (sheet.getRow(rowNumber).values as unknown[]).slice(1));
    const failedRow = rows.find((row) => row[2] === scope.branchB.name)!;
    const n = DEFAULT_QUALIFICATION_CHECKLIST.length;
    expect(failedRow.slice(5, 5 + n)).toEqual(DEFAULT_QUALIFICATION_CHECKLIST.map((_, index) => (index === 0 ? '不符合' : '符合')));
    expect(failedRow.slice(5 + n, 5 + n + 3)).toEqual(['不通过', reason, reviewer.displayName]);
    expect(String(failedRow[5 + n + 3])).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    expect(rows.map((row) => row[5 + n]).sort()).toEqual(['不通过', '待审查', '通过'].sort());
  });
});
