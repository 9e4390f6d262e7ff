import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { TODO_KIND_LABELS, type TTodoItem } from '@/lib/todo/secretary';

/** The last day of a task that closes at `dueAt` (exclusive). */
const lastDay = (dueAt: Date) => formatDate(new Date(dueAt.getTime() - 1));

/** The branch secretary's 待办: each row one click from its task, the deadline beside it, overdue ones in red. */
export function TodoList({ items }: { items: TTodoItem[] }) {
  return (
    <Card title={`待办事项${items.length ? `（${items.length}）` : ''}`} className="mb-6">
      {items.length === 0 ? (
        <p className="py-2 text-center text-sm text-stone-600">暂无待办</p>
      ) : (
        // Links in a <nav>, not list items: the declaration cards below stay the page's only list of campaigns.
        <nav className="-my-2 divide-y divide-stone-100" aria-label="待办事项">
          {items.map((item) => (
            <div key={item.href + item.title}>
              <Link href={item.href} className="group flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5 hover:bg-stone-50 focus-visible:bg-stone-50">
                <Badge tone={item.isOverdue ? 'brand' : 'neutral'}>{TODO_KIND_LABELS[item.kind]}</Badge>
                <span className="min-w-0 flex-1 basis-56 font-medium text-stone-900 group-hover:underline">{item.title}</span>
                {item.dueAt ? (
                  <span className={`ml-auto text-sm whitespace-nowrap ${item.isOverdue ? 'font-semibold text-red-700' : 'text-stone-600'}`}>
                    {item.isOverdue ? `已逾期 · 应于 ${lastDay(item.dueAt)}前` : `截止 ${lastDay(item.dueAt)}`}
                  </span>
                ) : (
                  <span className="ml-auto text-sm text-stone-500">无截止日期</span>
                )}
              </Link>
            </div>
          ))}
        </nav>
      )}
    </Card>
  );
}
