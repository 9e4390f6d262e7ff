// 公示名单: the 公示 in force as a document (lib/publicity): the period, the notice with how to object, and the entries
// to be honoured under each award; a 更正公示 says so and gives the reason.
import { formatDate } from '@/lib/format';
import type { TDocumentKind } from '@/lib/documents/kind';
import type { TDocumentSection } from '@/lib/documents/types';
import { loadPublicPublicity } from '@/lib/publicity/queries';

export const publicityListKind: TDocumentKind = {
  label: '公示名单',
  description: '拟表彰名单公示（现行版本）：公示期、异议受理方式和按奖项列出的拟表彰品牌',
  audience: 'owner',
  formats: ['pdf', 'xlsx'],
  programs: ['SELECTION'],
  async build({ campaign }) {
    const publicity = await loadPublicPublicity(campaign.id);
    if (!publicity) return '尚未发布拟表彰名单公示';
    const paragraphs: TDocumentSection[] = [
      ...(publicity.version > 1 && publicity.decision.correctionReason ? [{ type: 'paragraph' as const, text: `更正说明：${publicity.decision.correctionReason}` }] : []),
      { type: 'paragraph', text: `公示期：${formatDate(publicity.startsAt)} 至 ${formatDate(publicity.lastDay)}` },
      ...(publicity.notice ? [{ type: 'paragraph' as const, text: publicity.notice }] : []),
    ];
    const tables: TDocumentSection[] = publicity.groups.map((group) => ({
      type: 'table',
      heading: `${group.award.name}（${group.entries.length} 个）`,
      sheetName: group.award.name,
      columns: [
        { header: '序号', width: 40, sheetWidth: 6, center: true },
        { header: '品牌名称', width: 170, sheetWidth: 28 },
        { header: '申报单位', width: null, sheetWidth: 32 },
        { header: '领域', width: 90, sheetWidth: 14 },
      ],
      rows: group.entries.map((entry, index) => [index + 1, entry.brandName, entry.organization.name, entry.field?.name ?? '']),
      empty: '',
    }));
    return {
      title: `${campaign.title} ${publicity.version > 1 ? `拟表彰名单更正公示（第 ${publicity.version} 版）` : '拟表彰名单公示'}`,
      subtitle: `拟表彰品牌 ${publicity.total} 个`,
      sections: [...paragraphs, ...(tables.length ? tables : [{ type: 'table' as const, columns: [{ header: '品牌名称', width: null, sheetWidth: 40 }], rows: [], empty: '（无拟表彰品牌）' }])],
    };
  },
};
