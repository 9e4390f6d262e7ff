import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { buildApplicationsWorkbook } from '@/lib/application/export';
import { listStaffApplications, listStaffApplicationsForExport, listStaffFilterOptions, parseStaffSearch, staffScopePaths } from '@/lib/application/staff-queries';
import { createOrg } from '../support/factories';
import { createCampaignScope, createTestCampaign } from '../support/campaigns';
import { createPrintableApplication, staffUserWith } from '../support/print-applications';

async function setup() {
  const scope = await createCampaignScope();
  const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
  const fields = await db.campaignField.findMany({ where: { campaignId: campaign.id }, orderBy: { sortOrder: 'asc' } });
  const eastBranch = await createOrg({ parent: scope.eastCommittee, name: '东区测试支部' });
  const eastBranch2 = await createOrg({ parent: scope.eastCommittee });
  const eastBranch3 = await createOrg({ parent: scope.eastCommittee });
  const westBranch = await createOrg({ parent: scope.westCommittee });
  const submitted = await createPrintableApplication({ campaignId: campaign.id, organizationId: eastBranch.id, brandName: '东区红色驿站', fieldId: fields[0].id });
  const returned = await createPrintableApplication({ campaignId: campaign.id, organizationId: eastBranch2.id, brandName: '东区先锋港湾', status: 'RETURNED', fieldId: fields[1]?.id ?? fields[0].id });
  const draft = await createPrintableApplication({ campaignId: campaign.id, organizationId: eastBranch3.id, brandName: '东区草稿品牌', status: 'DRAFT' });
  const west = await createPrintableApplication({ campaignId: campaign.id, organizationId: westBranch.id, brandName: '西区邻里家园', fieldId: fields[0].id });
  const committee = await staffUserWith([{ role: 'COMMITTEE_ADMIN', organizationId: scope.eastCommittee.id }]);
  return { campaign, fields, submitted, returned, draft, west, committee, paths: staffScopePaths(committee.roles) };
}

describe('staff application list', () => {
  it('lists only submitted or returned applications of the committee’s subtree', async () => {
    const { campaign, submitted, returned, paths } = await setup();
    const result = await listStaffApplications(paths, parseStaffSearch({ campaign: campaign.id }));
    expect(result.rows.map((row) => row.id).sort()).toEqual([submitted.id, returned.id].sort());
    expect(result.total).toBe(2);
    const options = await listStaffFilterOptions(paths, campaign.id);
    expect(options.campaigns.map((option) => option.id)).toContain(campaign.id);
  });

  it('filters by status, field, organization name and brand name', async () => {
    const { campaign, fields, submitted, returned, paths } = await setup();
    const byStatus = await listStaffApplications(paths, parseStaffSearch({ campaign: campaign.id, status: 'RETURNED' }));
    expect(byStatus.rows.map((row) => row.id)).toEqual([returned.id]);
    if (fields.length > 1) {
      const byField = await listStaffApplications(paths, parseStaffSearch({ campaign: campaign.id, field: fields[0].id }));
      expect(byField.rows.map((row) => row.id)).toEqual([submitted.id]);
    }
    const byOrg = await listStaffApplications(paths, parseStaffSearch({ campaign: campaign.id, org: '东区测试' }));
    expect(byOrg.rows.map((row) => row.id)).toEqual([submitted.id]);
    const byName = await listStaffApplications(paths, parseStaffSearch({ campaign: campaign.id, q: '先锋' }));
    expect(byName.rows.map((row) => row.id)).toEqual([returned.id]);
    // A draft cannot be listed even when asked for by status.
    const drafts = await listStaffApplications(paths, parseStaffSearch({ campaign: campaign.id, status: 'DRAFT' }));
    expect(drafts.rows.map((row) => row.brandName)).not.toContain('东区草稿品牌');
  });

  it('exports only in-scope rows with Chinese headers and a frozen header row', async () => {
    const { campaign, paths } = await setup();
    const file = await buildApplicationsWorkbook(await listStaffApplicationsForExport(paths, parseStaffSearch({ campaign: campaign.id })));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '品牌名称', '申报单位', '上级党组织', '领域', '状态', '书记', '联系电话', '提交时间', '品牌口号']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const names = [];
    for (let row = 2; row <= sheet.rowCount; row++) names.push(sheet.getRow(row).getCell(2).value);
    expect(names.sort()).toEqual(['东区先锋港湾', '东区红色驿站']);
    expect(sheet.getRow(2).getCell(9).value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  });

  it('gives a user without a staff role nothing', async () => {
    const { campaign } = await setup();
    expect(await listStaffApplications([], parseStaffSearch({ campaign: campaign.id }))).toMatchObject({ rows: [], total: 0 });
  });
});
