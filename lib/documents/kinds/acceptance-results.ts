// 验收结果 of a campaign: each brand that requested acceptance, from its latest request — request date and round, the
// acceptance group, the mean score of the submitted sheets, the verdict, the 认定 number and the day it was decided.
// The campaign owner's organization department only (it runs the acceptance queue).
import type { TDocumentKind } from '@/lib/documents/kind';
import type { TDocumentContent } from '@/lib/documents/types';
import { formatDate } from '@/lib/format';
import { formatScore, loadAcceptanceResults, type TAcceptanceResults } from '@/lib/acceptance/results';

export function acceptanceResultsContent(results: TAcceptanceResults): TDocumentContent {
  const { rows, totals } = results;
  return {
    title: `${results.campaign.title} 验收结果`,
    subtitle: `申请验收的品牌 ${rows.length} 个：通过 ${totals.PASSED}，不通过 ${totals.FAILED}，验收中 ${totals.REVIEWING}，待验收 ${totals.WAITING}`,
    landscape: true,
    sections: [
      { type: 'paragraph', text: '平均得分为验收组已提交评分表的合计分的平均值；一个品牌多次申请的，列出最近一次申请。' },
      {
        type: 'table',
        sheetName: '验收结果',
        columns: [
          { header: '序号', width: 30, sheetWidth: 6, center: true },
          { header: '品牌名称', width: 96, sheetWidth: 20 },
          { header: '创建单位', width: null, sheetWidth: 28 },
          { header: '申请日期', width: 82, sheetWidth: 16, center: true },
          { header: '验收组', width: 120, sheetWidth: 26 },
          { header: '平均得分', width: 58, sheetWidth: 12, center: true },
          { header: '验收结论', width: 84, sheetWidth: 16, center: true },
          { header: '认定编号', width: 96, sheetWidth: 20, center: true },
          { header: '结论日期', width: 82, sheetWidth: 16, center: true },
        ],
        rows: rows.map((row, index) => [
          index + 1,
          `“${row.brandName}”`,
          row.organizationName,
          `${formatDate(row.requestedAt)}${row.round > 1 ? `\n（第 ${row.round} 次申请）` : ''}`,
          row.group.join('、') || '（尚未组成）',
          row.sheets ? `${formatScore(row.score)}\n（${row.sheets} 份评分）` : '—',
          row.verdict,
          row.recognitionNo ?? '—',
          row.decidedAt ? formatDate(row.decidedAt) : '—',
        ]),
        empty: '（本活动尚无验收申请）',
      },
    ],
  };
}

export const acceptanceResultsKind: TDocumentKind = {
  label: '验收结果',
  description: '申请验收的品牌：申请日期、验收组、平均得分、验收结论与认定编号',
  audience: 'owner',
  formats: ['pdf', 'xlsx'],
  async build({ campaign }) {
    const results = await loadAcceptanceResults(campaign.id);
    if (!results || !results.rows.length) return '本活动尚无验收申请';
    return acceptanceResultsContent(results);
  },
};
