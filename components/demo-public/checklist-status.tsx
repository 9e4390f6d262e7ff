import type { TChecklistStatus } from '@/lib/demo-public/progress';
import { VERDICT_LABELS } from '@/lib/demo-public/progress';

const VERDICT_CLASS = { MET: 'text-green-800', NOT_MET: 'text-red-800', PENDING: 'text-stone-600' } as const;
const VERDICT_MARK = { MET: '✓', NOT_MET: '✗', PENDING: '○' } as const;

/** Each checklist with its 达标 count and every item's verdict (words beside the mark, never colour alone). */
export function ChecklistStatus({ lists, headingLevel = 'h3' }: { lists: TChecklistStatus[]; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {lists.map((list) => (
        <div key={list.key} className="rounded-lg border border-stone-200 bg-white p-3">
          <Heading className="flex items-baseline justify-between gap-2 text-sm font-semibold text-stone-900">
            <span>{list.name}</span>
            <span className="text-xs font-medium text-stone-700">
              达标 {list.met} / {list.items.length}
            </span>
          </Heading>
          <ul className="mt-2 space-y-1">
            {list.items.map((item) => (
              <li key={item.name} className="flex justify-between gap-2 text-sm">
                <span className="text-stone-800">{item.name}</span>
                <span className={`shrink-0 text-xs font-medium ${VERDICT_CLASS[item.verdict]}`}>
                  <span aria-hidden="true">{VERDICT_MARK[item.verdict]} </span>
                  {VERDICT_LABELS[item.verdict]}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
