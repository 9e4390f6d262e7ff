import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import { QuotaMeter } from '@/components/recommendation/quota-meter';
import { formatDateTime } from '@/lib/format';
import { levelStatusLabel } from '@/lib/campaign/recommendation-deadline';
import type { TRecommendingLevel } from '@/lib/recommendation/queries';

/** The campaigns in which the committee recommends, one card per (campaign, organization). */
export function RecommendingLevels({ levels }: { levels: TRecommendingLevel[] }) {
  if (levels.length === 0) {
    return <EmptyState title="暂无需要推荐的评选活动">上级发布评选活动并由本单位逐级推荐时，会在这里显示。</EmptyState>;
  }
  return (
    <ul className="space-y-4">
      {levels.map((level) => (
        <li key={`${level.campaign.id}-${level.organization.id}`} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0 space-y-1">
              <h2 className="text-base font-semibold text-stone-900">{level.campaign.title}</h2>
              <p className="text-sm text-stone-600">推荐单位：{level.organization.name}</p>
              <p className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
                <Badge tone={level.stage === 'open' ? 'brand' : 'muted'}>{levelStatusLabel(level)}</Badge>
                {level.endsAt && level.stage !== 'closed' && <span>{level.hasOwnDeadline ? '本级截止' : '截止'} {formatDateTime(level.endsAt)}</span>}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-4">
              <QuotaMeter used={level.used} limit={level.limit} />
              <Link href={`/committee/campaigns/${level.campaign.id}?org=${level.organization.id}`} className={buttonClass(level.stage === 'open' ? 'primary' : 'secondary')}>
                {level.stage === 'open' ? '进入推荐' : '查看'}
              </Link>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
