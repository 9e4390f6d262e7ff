import { DisputeRoundButton } from '@/components/review/dispute-round-button';
import { Badge } from '@/components/ui/badge';
import { tiedPlaceLabel } from '@/lib/review/ranking';
import type { TRankingRow } from '@/lib/review/results';

const ONSITE = { PASSED: { tone: 'success', label: '核验通过' }, FAILED: { tone: 'muted', label: '核验未通过' }, PENDING: { tone: 'neutral', label: '待核验' } } as const;

const num = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** The ranking as a table on wide screens and as cards on phones; `useFieldRank` shows places within the field. */
export function RankingTable({ rows, useFieldRank, showVotes, campaignId, canDispute }: { rows: TRankingRow[]; useFieldRank: boolean; showVotes: boolean; campaignId: string; canDispute: boolean }) {
  const place = (row: TRankingRow) => (useFieldRank ? { rank: row.fieldRank, tied: row.isFieldTied } : { rank: row.rank, tied: row.isTied });
  const flags = (row: TRankingRow) => (
    <span className="flex flex-wrap gap-1">
      {row.isDisputed && <Badge tone="warning">分歧较大 · 建议复议</Badge>}
      {row.onsite && <Badge tone={ONSITE[row.onsite].tone}>{ONSITE[row.onsite].label}</Badge>}
      {row.submitted < row.assigned && <Badge tone="info">评分未齐 {row.submitted}/{row.assigned}</Badge>}
      {row.round > 1 && <Badge tone="neutral">第 {row.round} 轮</Badge>}
      {row.pending && (
        <Badge tone="info">
          第 {row.pending.round} 轮复议中 {row.pending.submitted}/{row.pending.assigned}，全部提交后替换本轮
        </Badge>
      )}
      {row.isDisputed && !row.pending && canDispute && <DisputeRoundButton campaignId={campaignId} applicationId={row.applicationId} brandName={row.brandName || '未命名品牌'} />}
    </span>
  );
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">名次</th>
              <th scope="col" className="px-3 py-2 font-medium">品牌 / 申报单位</th>
              <th scope="col" className="px-3 py-2 font-medium">领域</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">专家评分</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">专家得分</th>
              {showVotes && <th scope="col" className="px-3 py-2 text-right font-medium">有效票</th>}
              {showVotes && <th scope="col" className="px-3 py-2 text-right font-medium">投票得分</th>}
              <th scope="col" className="px-3 py-2 text-right font-medium">综合得分</th>
              <th scope="col" className="px-3 py-2 font-medium">提示</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((row) => {
              const { rank, tied } = place(row);
              return (
                <tr key={row.applicationId} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2 font-semibold tabular-nums">{tied ? <span className="text-amber-900">{tiedPlaceLabel(rank)}</span> : rank}</td>
                  <td className="px-3 py-2">
                    <p className="font-medium text-stone-900">{row.brandName || '未命名品牌'}</p>
                    <p className="text-xs text-stone-500">{row.organizationName}</p>
                  </td>
                  <td className="px-3 py-2 text-stone-700">{row.fieldName}</td>
                  <td className="px-3 py-2 text-right tabular-nums" title={`平均 ${num(row.mean)} · 去极值 ${num(row.trimmedMean)} · 极差 ${row.spread}`}>{num(row.expertScore)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{row.expertPoints.toFixed(2)}</td>
                  {showVotes && <td className="px-3 py-2 text-right tabular-nums">{row.votes}</td>}
                  {showVotes && <td className="px-3 py-2 text-right tabular-nums">{row.votePoints.toFixed(2)}</td>}
                  <td className="px-3 py-2 text-right text-base font-semibold tabular-nums">{row.score.toFixed(2)}</td>
                  <td className="px-3 py-2">{flags(row)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ol className="space-y-2 md:hidden">
        {rows.map((row) => {
          const { rank, tied } = place(row);
          return (
            <li key={row.applicationId} className="flex gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
              <span className="w-10 shrink-0 text-center text-lg font-semibold tabular-nums">
                {rank}
              </span>
              <div className="min-w-0 flex-1 space-y-1">
                <p className="break-all font-medium text-stone-900">{row.brandName || '未命名品牌'}</p>
                <p className="text-xs text-stone-500">{row.organizationName} · {row.fieldName}</p>
                <p className="text-sm tabular-nums text-stone-700">
                  综合 <strong className="text-base text-stone-900">{row.score.toFixed(2)}</strong> · 专家 {num(row.expertScore)}
                  {showVotes && ` · ${row.votes} 票`}
                </p>
                {tied && <Badge tone="warning">{tiedPlaceLabel(rank)}</Badge>}
                {flags(row)}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
