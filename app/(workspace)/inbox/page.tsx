import { MarkReadButton } from '@/components/notifications/mark-read-button';
import { NotificationLink } from '@/components/notifications/notification-link';
import { Badge } from '@/components/ui/badge';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { formatDateTime, queryString } from '@/lib/format';
import { listNotifications } from '@/lib/notifications/queries';

export const metadata = { title: '通知' };

// Every signed-in user's own inbox: the query is by the session's user id, nobody else's rows can appear.
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser();
  const raw = await searchParams;
  const page = Math.max(1, Number.parseInt(typeof raw.page === 'string' ? raw.page : '1', 10) || 1);
  const { items, total, unread, pageCount } = await listNotifications(user.id, page);
  return (
    <>
      <PageHeader
        title="通知"
        description={total ? `共 ${total} 条，未读 ${unread} 条` : undefined}
        actions={unread > 0 ? <MarkReadButton label="全部标为已读" /> : undefined}
      />
      {items.length === 0 ? (
        <EmptyState title={page > 1 ? '这一页没有通知' : '暂无通知'}>退回、推荐与审查结果、评审任务、阶段开始与结束、催报等消息会出现在这里。</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="inbox">
          {items.map((item) => (
            <li key={item.id} className={`flex gap-3 px-4 py-3 ${item.isRead ? '' : 'bg-brand-50/40'}`} data-testid="inbox-item" data-read={item.isRead}>
              <span className={`mt-2 size-2 shrink-0 rounded-full ${item.isRead ? 'bg-transparent' : 'bg-brand-700'}`} aria-hidden />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                  <Badge tone={item.isRead ? 'neutral' : 'brand'}>{item.kindLabel}</Badge>
                  <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time>
                  {!item.isRead && <span className="sr-only">未读</span>}
                </div>
                <p className="mt-1 break-words">
                  {item.link ? (
                    <NotificationLink id={item.id} href={item.link} isRead={item.isRead}>
                      {item.title}
                    </NotificationLink>
                  ) : (
                    <span className="font-medium text-stone-900">{item.title}</span>
                  )}
                </p>
                {item.body && <p className="mt-1 whitespace-pre-line break-words text-sm text-stone-700">{item.body}</p>}
              </div>
              {!item.isRead && (
                <div className="shrink-0">
                  <MarkReadButton id={item.id} label="标为已读" />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {total > 0 && <Pagination page={page} pageCount={pageCount} total={total} hrefFor={(next) => `/inbox${queryString({ page: next })}`} />}
    </>
  );
}
