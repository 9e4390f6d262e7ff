// 投票结果: valid and invalid votes per entry with share, vote points and places, and the totals per field
// (lib/voting/results).
import { db } from '@/lib/db';
import type { TDocumentKind } from '@/lib/documents/kind';
import { tiedPlaceLabel } from '@/lib/review/ranking';
import { loadVoteResults } from '@/lib/voting/results';

const place = (rank: number | null, isTied: boolean) => (rank === null ? '—' : isTied ? tiedPlaceLabel(rank) : rank);

export const voteResultsKind: TDocumentKind = {
  label: '投票结果',
  description: '网络投票结果：各品牌有效票、无效票、占比、投票得分与名次，各领域合计',
  audience: 'owner',
  formats: ['pdf', 'xlsx'],
  programs: ['SELECTION'],
  async build({ campaign }) {
    const settings = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { id: true, voteWeight: true, stages: { select: { kind: true, isEnabled: true } } } });
    if (!settings.stages.some((stage) => stage.kind === 'VOTING' && stage.isEnabled)) return '本活动未设网络投票';
    const results = await loadVoteResults(settings);
    const { totals } = results;
    return {
      title: `${campaign.title} 网络投票结果`,
      subtitle: `有效票 ${totals.validVotes} 张，无效票 ${totals.invalidVotes} 张；参与投票 党员 ${totals.member} 人、群众 ${totals.public} 人；投票 ${totals.days} 天`,
      landscape: true,
      sections: [
        {
          type: 'table',
          heading: '各品牌得票',
          sheetName: '各品牌得票',
          columns: [
            { header: '名次', width: 56, sheetWidth: 10, center: true },
            { header: '品牌名称', width: 130, sheetWidth: 24 },
            { header: '申报单位', width: null, sheetWidth: 26 },
            { header: '领域', width: 70, sheetWidth: 12 },
            { header: '领域内名次', width: 56, sheetWidth: 10, center: true },
            { header: '有效票', width: 50, sheetWidth: 9, center: true },
            { header: '无效票', width: 50, sheetWidth: 9, center: true },
            { header: '占比（%）', width: 52, sheetWidth: 10, center: true },
            { header: '投票得分', width: 52, sheetWidth: 10, center: true },
          ],
          rows: results.rows.map((row) => [
            place(row.rank, row.isTied),
            row.isListed ? row.brandName : `${row.brandName}（已移出品牌清单）`,
            row.organizationName,
            row.fieldName,
            place(row.fieldRank, row.isFieldTied),
            row.validVotes,
            row.invalidVotes,
            row.share.toFixed(2),
            row.votePoints.toFixed(2),
          ]),
          empty: '（尚无投票）',
        },
        {
          type: 'table',
          heading: '各领域合计',
          sheetName: '各领域合计',
          columns: [
            { header: '领域', width: 110, sheetWidth: 14 },
            { header: '品牌数', width: 56, sheetWidth: 8, center: true },
            { header: '有效票', width: 60, sheetWidth: 10, center: true },
            { header: '无效票', width: 60, sheetWidth: 10, center: true },
            { header: '占比（%）', width: 60, sheetWidth: 10, center: true },
            { header: '得票最多', width: null, sheetWidth: 40 },
          ],
          rows: results.fields.map((field) => [field.fieldName, field.entries, field.validVotes, field.invalidVotes, field.share.toFixed(2), field.leaders.length ? `${field.leaders.join('、')}（${field.leaderVotes} 票）` : '—']),
          empty: '（尚无投票）',
        },
      ],
    };
  },
};
