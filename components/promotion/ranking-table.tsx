import { tiedPlaceLabel } from '@/lib/review/ranking';
import type { TContestRankRow } from '@/lib/promotion/queries';

/** The ranking of a 擂台比武: the average of submitted sheets, ties share their place. */
export function ContestRankingTable({ rows, judges }: { rows: TContestRankRow[]; judges: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] text-sm">
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-600">
            <th className="py-2 pr-2 font-medium">名次</th>
            <th className="py-2 pr-2 font-medium">参赛单位与品牌</th>
            <th className="py-2 pr-2 text-right font-medium">平均分</th>
            <th className="py-2 text-right font-medium">已评</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.entryId} className="border-b border-stone-100 align-top">
              <td className="py-2 pr-2 whitespace-nowrap">{row.rank === null ? '—' : row.isTied ? tiedPlaceLabel(row.rank) : `第${row.rank}名`}</td>
              <td className="py-2 pr-2">
                {row.organizationName}
                {row.brandName && <span className="block text-xs text-stone-500">“{row.brandName}”{row.presenter ? ` · ${row.presenter}` : ''}</span>}
              </td>
              <td className="py-2 pr-2 text-right tabular-nums">{row.average === null ? '—' : row.average.toFixed(2)}</td>
              <td className="py-2 text-right tabular-nums whitespace-nowrap">{row.sheets}/{judges}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
