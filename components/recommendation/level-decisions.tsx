import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import type { TLevelDecision } from '@/lib/application/recommendation-trail';

const DECISION_BADGE = {
  PENDING: { tone: 'info', label: '待推荐' },
  RECOMMENDED: { tone: 'brand', label: '已推荐' },
  NOT_RECOMMENDED: { tone: 'muted', label: '不推荐' },
} as const;

/**
 * What recommending levels decided about one entry, nearest the applicant first: organization, decision, its place
 * in that level's order, 推荐意见 and date. The upper levels read it on their board; staff on the entry's page.
 */
export function LevelDecisions({ levels, label, framed = true }: { levels: readonly TLevelDecision[]; label: string; framed?: boolean }) {
  if (levels.length === 0) return null;
  return (
    <section aria-label={label} className={`text-sm ${framed ? 'rounded-md bg-stone-50 px-3 py-2 ring-1 ring-inset ring-stone-200' : ''}`}>
      {framed && <p className="text-xs font-medium text-stone-500">{label}</p>}
      <ol className={`divide-y divide-stone-200 ${framed ? 'mt-1' : '-my-1.5'}`}>
        {levels.map((level) => {
          const badge = DECISION_BADGE[level.decision];
          return (
            <li key={level.organizationId} className="space-y-0.5 py-1.5">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="break-all font-medium text-stone-900">{level.organizationName}</span>
                <Badge tone={badge.tone}>{badge.label}</Badge>
                {level.rank !== null && <span className="text-stone-700">本级排序第 {level.rank} 位</span>}
                {level.decidedAt && <span className="text-xs text-stone-500">{formatDate(level.decidedAt)}</span>}
              </p>
              {level.opinion && <p className="whitespace-pre-wrap break-words text-stone-700">推荐意见：{level.opinion}</p>}
              {level.decision === 'NOT_RECOMMENDED' && level.reason && <p className="break-words text-stone-700">不推荐理由：{level.reason}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
