// 台帐上报情况 of a campaign in one organization's subtree: the tallies per organization (on time / late / missing /
// not yet due, on-time rate) and the month-by-month grid, from the compliance grid's own query. The campaign owner's
// organization department may issue it for any subtree of the campaign; a committee only for its own subtree.
import { db } from '@/lib/db';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TDocumentKind, TDocumentScope } from '@/lib/documents/kind';
import type { TDocumentCell, TDocumentContent, TDocumentSection } from '@/lib/documents/types';
import { loadGridCampaign, type TGridCampaign } from '@/lib/cultivation/ledger-grid';
import { loadComplianceReport, onTimeRate, type TComplianceReport } from '@/lib/cultivation/compliance-report';
import { monthLabel, type TMonthStatus } from '@/lib/cultivation/ledger-schedule';

const REFUSAL = '台帐上报情况不存在或您无权查看';
/** Months per table of the month-by-month grid: twelve still fit an A4 landscape page. */
const MONTHS_PER_TABLE = 12;
const SHORT: Record<TMonthStatus, string> = { 'on-time': '按时', late: '逾期', missing: '未报', 'not-due': '—' };

const chunk = <T,>(items: readonly T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

export function ledgerComplianceContent(report: TComplianceReport, scopeName: string): TDocumentContent {
  const { campaign, rows, totals } = report;
  const due = totals.onTime + totals.late + totals.missing;
  const monthTables = chunk(campaign.months, MONTHS_PER_TABLE).map((months, part, parts): TDocumentSection => {
    const first = campaign.months.indexOf(months[0]!);
    return {
      type: 'table',
      heading: parts.length > 1 ? `逐月上报情况（${monthLabel(months[0]!)}—${monthLabel(months.at(-1)!)}）` : '逐月上报情况',
      sheetName: parts.length > 1 ? `逐月上报情况${part + 1}` : '逐月上报情况',
      columns: [
        { header: '组织 / 品牌', width: null, sheetWidth: 30 },
        ...months.map((month) => ({ header: month.endsWith('-01') || month === months[0] ? monthLabel(month) : `${Number(month.slice(5))}月`, width: 44, sheetWidth: 10, center: true })),
      ],
      rows: rows.map((row): TDocumentCell[] => [`${row.organizationName}\n${row.brandName}`, ...months.map((_, index) => SHORT[row.cells[first + index]?.status ?? 'not-due'])]),
      empty: '（该范围内没有培育创建中的品牌）',
    };
  });
  return {
    title: `${campaign.title} 台帐上报情况`,
    subtitle: `范围：${scopeName}    品牌 ${rows.length} 个    创建期 ${campaign.months.length ? `${monthLabel(campaign.months[0]!)}至${monthLabel(campaign.months.at(-1)!)}` : '—'}    每月 ${campaign.ledgerDueDay} 日前上报上月台帐`,
    landscape: true,
    sections: [
      {
        type: 'paragraph',
        text: `应报 ${due} 个月次：按时上报 ${totals.onTime}，逾期上报 ${totals.late}，未上报 ${totals.missing}，按时上报率 ${onTimeRate(totals)}；尚未到期 ${totals.notDue} 个月次。`,
      },
      {
        type: 'table',
        heading: '各单位上报情况',
        sheetName: '各单位上报情况',
        columns: [
          { header: '序号', width: 34, sheetWidth: 6, center: true },
          { header: '组织', width: null, sheetWidth: 30 },
          { header: '品牌', width: 150, sheetWidth: 22 },
          { header: '按时上报', width: 56, sheetWidth: 10, center: true },
          { header: '逾期上报', width: 56, sheetWidth: 10, center: true },
          { header: '未上报', width: 56, sheetWidth: 10, center: true },
          { header: '未到期', width: 56, sheetWidth: 10, center: true },
          { header: '按时上报率', width: 66, sheetWidth: 12, center: true },
        ],
        rows: rows.map((row, index) => [index + 1, row.organizationName, row.brandName, row.tally.onTime, row.tally.late, row.tally.missing, row.tally.notDue, onTimeRate(row.tally)]),
        empty: '（该范围内没有培育创建中的品牌）',
      },
      ...monthTables,
    ],
  };
}

/** The scope organization when the user may see its subtree: the owner's staff anywhere in the campaign, a committee inside its own subtree. */
async function scopeFor(user: Parameters<TDocumentKind['build']>[0]['user'], campaign: { ownerOrg: { path: string } }, scopeOrgId: string) {
  const scope = await db.organization.findUnique({ where: { id: scopeOrgId }, select: { id: true, name: true, path: true } });
  if (!scope || !scope.path.startsWith(campaign.ownerOrg.path)) return null;
  return grantsRoleAt(user.roles, ['ORG_ADMIN', 'COMMITTEE_ADMIN'], scope.path) ? scope : null;
}

export const ledgerComplianceKind: TDocumentKind = {
  label: '台帐上报情况',
  description: '培育创建的品牌逐月台帐按时、逾期、未上报情况与按时上报率，按组织汇总（党（工）委只能出具本单位范围的）',
  audience: 'recommender',
  formats: ['pdf', 'xlsx'],
  async scopes(campaign) {
    // The whole campaign, then each committee whose subtree holds one of its cultivations.
    const committees = await db.$queryRaw<{ id: string; name: string }[]>`
      SELECT DISTINCT o.id, o.name, o.path FROM organizations o
      WHERE o.path LIKE ${`${campaign.ownerOrg.path}%`} AND o.id <> ${campaign.ownerOrg.id}
        AND EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.organization_id = o.id AND ra.role = 'COMMITTEE_ADMIN')
        AND EXISTS (SELECT 1 FROM cultivations cu JOIN brands b ON b.id = cu.brand_id JOIN organizations bo ON bo.id = b.organization_id
                    WHERE cu.campaign_id = ${campaign.id} AND bo.path LIKE o.path || '%')
      ORDER BY o.path`;
    const all: TDocumentScope = { orgId: campaign.ownerOrg.id, name: campaign.ownerOrg.name };
    return [all, ...committees.map((org) => ({ orgId: org.id, name: org.name }))];
  },
  async build({ campaign, scopeOrgId, user }) {
    const scope = await scopeFor(user, campaign, scopeOrgId);
    if (!scope) return REFUSAL;
    const grid: TGridCampaign = await loadGridCampaign(campaign.id);
    if (!grid.months.length) return '该活动没有培育创建阶段，没有台帐上报情况';
    return ledgerComplianceContent(await loadComplianceReport(grid, scope.path), scope.name);
  },
};

