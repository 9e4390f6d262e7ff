import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import type { listSheetsForExpert } from '@/lib/review/scoring';

type TSheetRow = Awaited<ReturnType<typeof listSheetsForExpert>>[number];

function state(row: TSheetRow, criteriaCount: number) {
  if (row.submittedAt) return { tone: 'success' as const, label: '已提交' };
  if (row.stage === 'closed') return { tone: 'muted' as const, label: '已截止' };
  if (row._count.scores === 0) return { tone: 'info' as const, label: '待评分' };
  return { tone: 'warning' as const, label: `已评 ${row._count.scores} / ${criteriaCount} 项` };
}

/** The expert's sheets, campaign by campaign, unfinished first. */
export function ExpertSheetList({ rows, criteriaCounts }: { rows: TSheetRow[]; criteriaCounts: Record<string, number> }) {
  if (rows.length === 0) return <EmptyState title="暂无评审任务">组织部分配评审任务后，会在这里显示。</EmptyState>;
  const campaigns = [...new Map(rows.map((row) => [row.campaign.id, row.campaign])).values()];
  return (
    <div className="space-y-6">
      {campaigns.map((campaign) => {
        const sheets = rows.filter((row) => row.campaign.id === campaign.id).sort((a, b) => Number(!!a.submittedAt) - Number(!!b.submittedAt));
        const done = sheets.filter((row) => row.submittedAt).length;
        const first = sheets[0];
        return (
          <section key={campaign.id} aria-labelledby={`campaign-${campaign.id}`} className="space-y-3">
            <div>
              <h2 id={`campaign-${campaign.id}`} className="text-base font-semibold text-stone-900">{campaign.title}</h2>
              <p className="text-sm text-stone-600">
                已提交 {done} / {sheets.length}
                {first.endsAt && first.stage !== 'closed' && ` · ${first.stage === 'upcoming' ? '尚未开始' : `截止 ${formatDateTime(first.endsAt)}`}`}
              </p>
            </div>
            <ul className="space-y-2">
              {sheets.map((row) => {
                const badge = state(row, criteriaCounts[campaign.id] ?? 0);
                const canScore = !row.submittedAt && row.stage === 'open';
                return (
                  <li key={row.id} className="flex items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                    <div className="min-w-0">
                      <p className="break-all font-medium text-stone-900">{row.application.brandName || '未命名品牌'}</p>
                      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-500">
                        <Badge tone={badge.tone}>{badge.label}</Badge>
                        {row.application.field?.name}
                        {row.round > 1 && <span>第 {row.round} 轮复议</span>}
                      </p>
                    </div>
                    <Link href={`/review/${row.id}`} className={buttonClass(canScore ? 'primary' : 'secondary', 'shrink-0')} aria-label={`${canScore ? '评分' : '查看'} ${row.application.brandName}`}>
                      {canScore ? '评分' : '查看'}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
