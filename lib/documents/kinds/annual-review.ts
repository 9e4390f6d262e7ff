// 年度考核结果: the 年度考核 table of one organization's subtree for the campaign's year (brand status, 台帐 on time /
// late / missing, acceptance, 示范点, 示范带, 结对共建, 宣传推广 events), with the totals. Filed in the series of a
// campaign of that year (the 文号 pattern is per campaign); the owner's organization department for any subtree of
// the campaign, a committee for its own subtree only.
import { db } from '@/lib/db';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TDocumentKind, TDocumentScope } from '@/lib/documents/kind';
import type { TDocumentContent } from '@/lib/documents/types';
import { annualRowTexts, type TAnnualRow } from '@/lib/annual-review/queries';
import { loadAnnualReport, type TAnnualSummary } from '@/lib/annual-review/report';

const REFUSAL = '年度考核结果不存在或您无权查看';

export function annualReviewContent(input: { year: number; scopeName: string; rows: readonly TAnnualRow[]; summary: TAnnualSummary }): TDocumentContent {
  const { summary } = input;
  const due = summary.ledger.onTime + summary.ledger.late + summary.ledger.missing;
  return {
    title: `${input.year}年度党建品牌工作考核结果`,
    subtitle: `范围：${input.scopeName}    参加考核的组织 ${summary.organizations} 个（其中后进党支部 ${summary.lagging} 个）`,
    landscape: true,
    sections: [
      {
        type: 'paragraph',
        text:
          `品牌：已认定 ${summary.recognised} 个，培育创建中 ${summary.cultivating} 个，已摘牌 ${summary.revoked} 个；` +
          `台帐应报 ${due} 个月次，按时 ${summary.ledger.onTime}、逾期 ${summary.ledger.late}、未报 ${summary.ledger.missing}；` +
          `验收通过 ${summary.acceptancePassed} 个、未通过 ${summary.acceptanceFailed} 个；示范点 ${summary.sites} 个；举办宣传推广活动 ${summary.events} 次。`,
      },
      {
        type: 'table',
        sheetName: `${input.year}年度考核`,
        columns: [
          { header: '序号', width: 28, sheetWidth: 6, center: true },
          { header: '组织', width: 100, sheetWidth: 28 },
          { header: '品牌状态', width: null, sheetWidth: 30 },
          { header: '台帐（按时/逾期/未报）', width: 70, sheetWidth: 16, center: true },
          { header: '验收', width: 90, sheetWidth: 24 },
          { header: '示范点（级别、考评）', width: 110, sheetWidth: 36 },
          { header: '示范带', width: 70, sheetWidth: 24 },
          { header: '结对共建评议', width: 90, sheetWidth: 30 },
          { header: '宣传推广（次）', width: 46, sheetWidth: 12, center: true },
        ],
        rows: input.rows.map((row, index) => {
          const text = annualRowTexts(row);
          return [
            index + 1,
            `${row.organizationName}${row.lagging ? '\n（后进党支部）' : ''}`,
            text.brands || '—',
            row.ledger ? `${row.ledger.onTime} / ${row.ledger.late} / ${row.ledger.missing}` : '—',
            text.acceptance || '—',
            text.sites || '—',
            text.belts || '—',
            text.pairings || '—',
            row.events,
          ];
        }),
        empty: '（该范围内本年度没有需要考核的组织）',
      },
    ],
  };
}

export const annualReviewKind: TDocumentKind = {
  label: '年度考核结果',
  description: '活动所在年度各组织的品牌、台帐、验收、示范点、示范带、结对共建与宣传推广情况（党（工）委只能出具本单位范围的）',
  audience: 'recommender',
  formats: ['pdf', 'xlsx'],
  async scopes(campaign) {
    const committees = await db.organization.findMany({
      where: { path: { startsWith: campaign.ownerOrg.path }, id: { not: campaign.ownerOrg.id }, roleAssignments: { some: { role: 'COMMITTEE_ADMIN' } } },
      orderBy: { path: 'asc' },
      take: 200,
      select: { id: true, name: true },
    });
    const all: TDocumentScope = { orgId: campaign.ownerOrg.id, name: campaign.ownerOrg.name };
    return [all, ...committees.map((org) => ({ orgId: org.id, name: org.name }))];
  },
  async build({ campaign, scopeOrgId, user }) {
    const scope = await db.organization.findUnique({ where: { id: scopeOrgId }, select: { name: true, path: true } });
    if (!scope || !scope.path.startsWith(campaign.ownerOrg.path) || !grantsRoleAt(user.roles, ['ORG_ADMIN', 'COMMITTEE_ADMIN'], scope.path)) return REFUSAL;
    const report = await loadAnnualReport(scope.path, campaign.year);
    return annualReviewContent({ year: campaign.year, scopeName: scope.name, rows: report.rows, summary: report.summary });
  },
};

/**
 * The campaign whose 文号 series files the 年度考核结果 of `year` for a subtree: the newest published campaign of that
 * year owned by the subtree's organization or one above it; null when there is none (the page then offers only the Excel export).
 */
export async function annualReviewDocumentCampaign(scopePath: string, year: number): Promise<{ id: string; title: string } | null> {
  const campaigns = await db.campaign.findMany({
    where: { year, status: { in: ['PUBLISHED', 'FINISHED'] } },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, title: true, ownerOrg: { select: { path: true } } },
  });
  const found = campaigns.find((campaign) => scopePath.startsWith(campaign.ownerOrg.path));
  return found ? { id: found.id, title: found.title } : null;
}
