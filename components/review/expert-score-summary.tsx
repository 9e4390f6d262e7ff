import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { TExpertScoreSummary, TSummaryStatus } from '@/lib/review/expert-summary';

const STATUS: Record<TSummaryStatus, { tone: 'success' | 'muted' | 'info' | 'warning'; label: string }> = {
  submitted: { tone: 'success', label: '已提交' },
  closed: { tone: 'muted', label: '已截止' },
  todo: { tone: 'info', label: '待评分' },
  scoring: { tone: 'warning', label: '评分中' },
};

const points = (value: number | null) => (value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1));

/**
 * 我的评分汇总: per campaign a table of the expert's own sheets — entry, each criterion, total, state. On a phone the
 * table scrolls sideways inside its frame (the entry column stays put); the page itself never does.
 */
export function ExpertScoreSummary({ summaries }: { summaries: TExpertScoreSummary }) {
  return (
    <section aria-labelledby="summary-heading" className="space-y-3">
      <h2 id="summary-heading" className="text-lg font-semibold text-stone-900">
        我的评分汇总
      </h2>
      {summaries.map((summary) => (
        <div key={summary.campaign.id} className="space-y-2">
          <p className="text-sm text-stone-600">
            <span className="font-medium text-stone-800">{summary.campaign.title}</span> · 已提交 {summary.submittedCount} / {summary.rows.length}
            {summary.submittedMean !== null && ` · 已提交平均 ${points(summary.submittedMean)} 分`}
          </p>
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
            <table className="w-full whitespace-nowrap text-left text-sm" aria-label={`${summary.campaign.title} 评分汇总`}>
              <thead className="bg-stone-50 text-xs text-stone-600">
                <tr>
                  <th scope="col" className="sticky left-0 bg-stone-50 px-3 py-2 align-bottom font-medium">
                    品牌
                  </th>
                  {summary.criteria.map((criterion, index) => (
                    <th key={criterion.id} scope="col" className="px-2 py-2 text-right align-bottom font-medium sm:max-w-32 sm:whitespace-normal">
                      <span className="sm:hidden">第{index + 1}项</span>
                      <span className="hidden sm:inline">{criterion.name}</span>
                      <span className="block font-normal text-stone-500">/{criterion.maxPoints}</span>
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-2 text-right align-bottom font-medium">
                    合计
                    <span className="block font-normal text-stone-500">/{summary.maxTotal}</span>
                  </th>
                  <th scope="col" className="px-3 py-2 align-bottom font-medium">
                    状态
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {summary.rows.map((row) => (
                  <tr key={row.assignmentId}>
                    <th scope="row" className="sticky left-0 min-w-24 max-w-28 whitespace-normal bg-white px-3 py-2 text-left font-medium sm:max-w-64">
                      <Link href={`/review/${row.assignmentId}`} className="line-clamp-2 break-all text-brand-700 hover:underline">
                        {row.brandName || '未命名品牌'}
                      </Link>
                      {row.round > 1 && <span className="block text-xs font-normal text-stone-500">第 {row.round} 轮</span>}
                    </th>
                    {row.points.map((value, index) => (
                      <td key={summary.criteria[index].id} className={`px-2 py-2 text-right tabular-nums ${value === null ? 'text-stone-500' : 'text-stone-800'}`}>
                        {points(value)}
                      </td>
                    ))}
                    <td className="px-2 py-2 text-right font-semibold tabular-nums text-stone-900">{row.scored ? points(row.total) : '—'}</td>
                    <td className="px-3 py-2">
                      <Badge tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ol className="space-y-0.5 text-xs text-stone-500 sm:hidden">
            {summary.criteria.map((criterion, index) => (
              <li key={criterion.id}>
                第{index + 1}项：{criterion.name}（{criterion.maxPoints} 分）
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
