// 申报汇总表: every entry submitted to the campaign (returned ones included, marked), by region and organization.
import { db } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import type { TDocumentKind } from '@/lib/documents/kind';

const STATUS = { SUBMITTED: '已提交', RETURNED: '已退回重新申报' } as const;

export const applicationSummaryKind: TDocumentKind = {
  label: '申报汇总表',
  description: '申报阶段提交的全部品牌：申报单位、领域、书记与联系电话、提交时间',
  audience: 'owner',
  formats: ['pdf', 'xlsx'],
  async build({ campaign }) {
    const entries = await db.application.findMany({
      where: { campaignId: campaign.id, status: { in: ['SUBMITTED', 'RETURNED'] }, submittedAt: { not: null } },
      select: { brandName: true, status: true, submittedAt: true, secretaryName: true, contactPhone: true, field: { select: { name: true } }, organization: { select: { name: true, path: true, parent: { select: { name: true } } } } },
    });
    entries.sort((a, b) => a.organization.path.localeCompare(b.organization.path) || a.brandName.localeCompare(b.brandName, 'zh-CN'));
    const returned = entries.filter((entry) => entry.status === 'RETURNED').length;
    return {
      title: `${campaign.title} 申报汇总表`,
      subtitle: `共 ${entries.length} 个品牌${returned ? `（其中退回重新申报 ${returned} 个）` : ''}`,
      landscape: true,
      sections: [
        {
          type: 'table',
          sheetName: '申报汇总表',
          columns: [
            { header: '序号', width: 34, sheetWidth: 6, center: true },
            { header: '品牌名称', width: 130, sheetWidth: 24 },
            { header: '申报单位', width: 130, sheetWidth: 26 },
            { header: '上级党组织', width: 110, sheetWidth: 22 },
            { header: '领域', width: 70, sheetWidth: 12 },
            { header: '党组织书记', width: 62, sheetWidth: 11 },
            { header: '联系电话', width: 80, sheetWidth: 14 },
            { header: '提交时间', width: null, sheetWidth: 18 },
            { header: '状态', width: 60, sheetWidth: 14 },
          ],
          rows: entries.map((entry, index) => [
            index + 1,
            entry.brandName,
            entry.organization.name,
            entry.organization.parent?.name ?? '',
            entry.field?.name ?? '',
            entry.secretaryName,
            entry.contactPhone,
            formatDateTime(entry.submittedAt),
            STATUS[entry.status as keyof typeof STATUS] ?? '',
          ]),
          empty: '（尚无提交的申报）',
        },
      ],
    };
  },
};
