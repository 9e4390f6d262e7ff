// 推荐汇总表 of one recommending organization: recommended entries in rank order with their 推荐意见, the entries not
// recommended with the reason, the signing boxes.
import { db } from '@/lib/db';
import type { TRoleGrant } from '@/lib/auth/session';
import type { TDocumentColumn, TDocumentContent } from '@/lib/documents/types';
import type { TDocumentKind } from '@/lib/documents/kind';
import { loadRecommendationLevel, type TLevelEntry, type TRecommendationLevel } from '@/lib/recommendation/queries';

export const EMPTY_SUMMARY = '（本级尚未推荐任何品牌）';
export const SUMMARY_SIGNATURE = ['推荐单位（盖章）：', '负责人签字：', '日期：______年____月____日'];

const ENTRY_COLUMNS: TDocumentColumn[] = [
  { header: '序号', width: 34, sheetWidth: 6, center: true },
  { header: '品牌名称', width: 108, sheetWidth: 22 },
  { header: '申报单位', width: 110, sheetWidth: 24 },
  { header: '上级党组织', width: 100, sheetWidth: 22 },
  { header: '领域', width: 62, sheetWidth: 12 },
];
const entryCells = (entry: TLevelEntry, index: number) => [index + 1, entry.brandName, entry.organizationName, entry.parentName, entry.fieldName];

export function recommendationSummaryContent(level: TRecommendationLevel): TDocumentContent {
  const recommended = level.entries.filter((entry) => entry.decision === 'RECOMMENDED');
  const rejected = level.entries.filter((entry) => entry.decision === 'NOT_RECOMMENDED');
  return {
    title: `${level.campaign.title} 推荐汇总表`,
    subtitle: `推荐单位：${level.organization.name}    已推荐 ${recommended.length} / ${level.limit}`,
    landscape: true,
    sections: [
      {
        type: 'table',
        sheetName: '推荐汇总表',
        columns: [
          ...ENTRY_COLUMNS,
          { header: '党组织书记', width: 62, sheetWidth: 11 },
          { header: '联系电话', width: 80, sheetWidth: 14 },
          { header: '推荐意见', width: null, sheetWidth: 50 },
        ],
        rows: recommended.map((entry, index) => [...entryCells(entry, index), entry.secretaryName, entry.contactPhone, entry.opinion]),
        empty: EMPTY_SUMMARY,
      },
      ...(rejected.length
        ? [
            {
              type: 'table' as const,
              heading: `未推荐（${rejected.length} 个）`,
              sheetName: '未推荐',
              columns: [...ENTRY_COLUMNS, { header: '不推荐理由', width: null, sheetWidth: 50 }],
              rows: rejected.map((entry, index) => [...entryCells(entry, index), entry.reason ?? '']),
              empty: '',
            },
          ]
        : []),
      { type: 'signature', labels: SUMMARY_SIGNATURE },
    ],
  };
}

export const recommendationSummaryKind: TDocumentKind = {
  label: '推荐汇总表',
  description: '各推荐单位推荐的品牌、排序与推荐意见，未推荐的品牌与理由',
  audience: 'recommender',
  formats: ['pdf', 'xlsx'],
  programs: ['SELECTION'],
  async scopes(campaign) {
    const rows = await db.recommendation.findMany({ where: { campaignId: campaign.id }, distinct: ['organizationId'], select: { organization: { select: { id: true, name: true, path: true } } } });
    return rows.map((row) => row.organization).sort((a, b) => a.path.localeCompare(b.path)).map((org) => ({ orgId: org.id, name: org.name }));
  },
  async build({ campaign, scopeOrgId, user }) {
    // The committee acts for its own organization only (loadRecommendationLevel checks that); the owner's
    // organization department, already checked by the route to hold ORG_ADMIN above the campaign, reads any of them.
    const scope = await db.organization.findUnique({ where: { id: scopeOrgId }, select: { id: true, name: true, path: true } });
    if (!scope || !scope.path.startsWith(campaign.ownerOrg.path)) return '推荐汇总表不存在或您无权查看';
    const ownerStaff = user.roles.some((grant) => grant.role === 'ORG_ADMIN' && campaign.ownerOrg.path.startsWith(grant.organizationPath));
    const grants: readonly TRoleGrant[] = ownerStaff ? [{ role: 'COMMITTEE_ADMIN', organizationId: scope.id, organizationName: scope.name, organizationPath: scope.path }] : user.roles;
    const level = await loadRecommendationLevel(campaign.id, scopeOrgId, grants);
    return level ? recommendationSummaryContent(level) : '推荐汇总表不存在或您无权查看';
  },
};
