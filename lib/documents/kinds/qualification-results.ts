// 资格审查结果: every entry at 资格审查 with its verdict, opinion, reviewer and date (lib/qualification's table).
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { formatDateTime } from '@/lib/format';
import type { TDocumentKind } from '@/lib/documents/kind';
import { listQualificationTable } from '@/lib/qualification/queries';

const RESULT = { PASSED: '通过', FAILED: '不通过（已退回）' } as const;

export const qualificationResultsKind: TDocumentKind = {
  label: '资格审查结果',
  description: '资格审查的结论：通过、不通过（退回）与待审查的品牌，审查意见、审查人和时间',
  audience: 'owner',
  formats: ['pdf', 'xlsx'],
  programs: ['SELECTION'],
  async build({ campaign }) {
    const detail = await getCampaignDetail(campaign.id);
    if (!detail) return '评选活动不存在';
    const rows = await listQualificationTable(detail);
    const count = (result: 'PASSED' | 'FAILED' | null) => rows.filter((row) => row.result === result).length;
    return {
      title: `${campaign.title} 资格审查结果`,
      subtitle: `共 ${rows.length} 个品牌：通过 ${count('PASSED')} 个，不通过 ${count('FAILED')} 个，待审查 ${count(null)} 个`,
      landscape: true,
      sections: [
        {
          type: 'table',
          sheetName: '资格审查结果',
          columns: [
            { header: '序号', width: 34, sheetWidth: 6, center: true },
            { header: '品牌名称', width: 130, sheetWidth: 24 },
            { header: '申报单位', width: 130, sheetWidth: 26 },
            { header: '所属地区', width: 90, sheetWidth: 16 },
            { header: '领域', width: 66, sheetWidth: 12 },
            { header: '审查结果', width: 70, sheetWidth: 14, center: true },
            { header: '审查意见', width: null, sheetWidth: 40 },
            { header: '审查人', width: 60, sheetWidth: 10 },
            { header: '审查时间', width: 92, sheetWidth: 18 },
          ],
          rows: rows.map((row, index) => [
            index + 1,
            row.brandName,
            row.organizationName,
            row.regionName,
            row.fieldName,
            row.result ? RESULT[row.result] : '待审查',
            row.reason ?? '',
            row.reviewerName ?? '',
            row.reviewedAt ? formatDateTime(row.reviewedAt) : '',
          ]),
          empty: '（尚无进入资格审查的品牌）',
        },
      ],
    };
  },
};
