// The 网络投票 results as an Excel workbook: per entry, per field, and the 最佳人气 candidates, valid votes only.
import { tableWorkbookBuffer } from '@/lib/export/workbook';
import { addTableSheet, type TTableColumn } from '@/lib/export/table-sheet';
import { tiedPlaceLabel } from '@/lib/review/ranking';
import type { TVoteEntryRow, TVoteFieldRow, TVoteResults } from '@/lib/voting/results';

type TCandidateRow = NonNullable<TVoteResults['popularity']['candidates']>['rows'][number];

const share = (value: number) => `${value.toFixed(2)}%`;
const place = (rank: number | null, isTied: boolean) => (rank === null ? '—' : isTied ? tiedPlaceLabel(rank) : String(rank));

/** One line under each title: what was counted, so a printed sheet explains itself. */
export function resultsSummary(results: TVoteResults) {
  const { totals } = results;
  return `有效票 ${totals.validVotes} 票（已作废 ${totals.invalidVotes} 票不计入）；参与投票：党员 ${totals.member.voters} 人、公众 ${totals.public.voters} 人；投票 ${totals.days} 天`;
}

export async function buildVoteResultsWorkbook(campaignTitle: string, results: TVoteResults): Promise<Buffer> {
  const summary = resultsSummary(results);

  const entryColumns: TTableColumn<TVoteEntryRow>[] = [
    { header: '名次', width: 10, value: (row) => place(row.rank, row.isTied) },
    { header: '品牌名称', width: 22, value: (row) => row.brandName },
    { header: '申报单位', width: 24, value: (row) => row.organizationName },
    { header: '领域', width: 12, value: (row) => row.fieldName },
    { header: '所属地区', width: 14, value: (row) => row.regionName },
    { header: '领域内名次', width: 10, value: (row) => place(row.fieldRank, row.isFieldTied) },
    { header: '有效票', width: 9, value: (row) => row.validVotes },
    { header: '作废票', width: 9, value: (row) => row.invalidVotes },
    { header: '得票占比', width: 10, value: (row) => share(row.share) },
    { header: `投票得分（满分 ${results.voteWeight}）`, width: 12, value: (row) => row.votePoints.toFixed(2) },
    { header: '备注', width: 16, value: (row) => (row.isListed ? '' : '已移出品牌清单，不参与排名') },
  ];

  const fieldColumns: TTableColumn<TVoteFieldRow>[] = [
    { header: '序号', width: 6, value: (_row, index) => index + 1 },
    { header: '领域', width: 14, value: (row) => row.fieldName },
    { header: '品牌数', width: 8, value: (row) => row.entries },
    { header: '有效票', width: 9, value: (row) => row.validVotes },
    { header: '作废票', width: 9, value: (row) => row.invalidVotes },
    { header: '得票占比', width: 10, value: (row) => share(row.share) },
    { header: '最高票品牌', width: 30, value: (row) => (row.leaders.length ? `${row.leaders.join('、')}（${row.leaderVotes} 票${row.leaders.length > 1 ? '，并列' : ''}）` : '（暂无有效票）') },
  ];

  const { awards, candidates } = results.popularity;
  const candidateColumns: TTableColumn<TCandidateRow>[] = [
    { header: '名次', width: 10, value: (row) => place(row.rank, row.isTied) },
    { header: '品牌名称', width: 22, value: (row) => row.brandName },
    { header: '申报单位', width: 24, value: (row) => row.organizationName },
    { header: '领域', width: 12, value: (row) => row.fieldName },
    { header: '有效票', width: 9, value: (row) => row.validVotes },
    { header: '备注', width: 24, value: (row) => (row.isTiedAtCutoff ? `票数与第 ${candidates?.count ?? ''} 名相同，均列为候选，由会议决定` : '') },
  ];
  const candidateTitle = candidates
    ? `${awards.map((award) => award.name).join('、')}：共 ${candidates.count} 名，按有效票数从高到低${candidates.isTiedAtCutoff ? `；第 ${candidates.count} 名有 ${candidates.rows.filter((row) => row.isTiedAtCutoff).length} 个品牌票数相同（${candidates.cutoffVotes} 票），均列为候选，候选 ${candidates.rows.length} 个` : ''}`
    : '本活动未设置最佳人气奖项';
  return tableWorkbookBuffer((workbook) => {
    addTableSheet(workbook, '按品牌', { title: `${campaignTitle} 网络投票结果（按品牌）`, subtitle: summary, empty: '（暂无品牌）' }, entryColumns, results.rows);
    addTableSheet(workbook, '按领域', { title: `${campaignTitle} 网络投票结果（按领域）`, subtitle: summary, empty: '（暂无品牌）' }, fieldColumns, results.fields);
    addTableSheet(workbook, '最佳人气候选', { title: `${campaignTitle} 最佳人气候选`, subtitle: candidateTitle, empty: candidates ? '（暂无有效票）' : '（本活动未设置最佳人气奖项）' }, candidateColumns, candidates?.rows ?? []);
  });
}
