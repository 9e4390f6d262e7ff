import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { formatDateTime } from '@/lib/format';
import { PROMOTION_STAFF } from '@/lib/promotion/access';
import { listPromotionEvents } from '@/lib/promotion/queries';
import { PROMOTION_KIND_LABELS } from '@/lib/promotion/schema';

export const metadata = { title: '宣传推广' };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 宣传推广: the events of the staff's subtrees, newest first, with the schedules and brochures one tap away. */
export default async function PromotionPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePageUser(PROMOTION_STAFF);
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof raw === 'string' ? raw : '1', 10) || 1));
  const { total, pageCount, events } = await listPromotionEvents(user.roles, page);
  return (
    <>
      <PageHeader
        title="宣传推广"
        description="现场观摩会、经验交流会、工作推进会、擂台比武与宣传画册"
        actions={
          <>
            <Link href="/promotion/new" className={buttonClass('primary')}>登记活动</Link>
            <Link href="/promotion/schedules" className={buttonClass('secondary')}>活动计划</Link>
            <Link href="/promotion/brochures" className={buttonClass('secondary')}>宣传画册</Link>
            <Link href="/promotion/contests" className={buttonClass('secondary')}>我的评分</Link>
          </>
        }
      />
      {events.length === 0 ? (
        <EmptyState title="暂无宣传推广活动">点“登记活动”记录一次观摩会、交流会、推进会或擂台比武。</EmptyState>
      ) : (
        <>
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm">
            {events.map((event) => (
              <li key={event.id} className="space-y-1 p-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={event.kind === 'CONTEST' ? 'warning' : 'brand'}>{PROMOTION_KIND_LABELS[event.kind]}</Badge>
                  <Link href={`/promotion/${event.id}`} className="font-medium text-brand-700 hover:underline">{event.title}</Link>
                </div>
                <p className="text-stone-600">
                  {formatDateTime(event.heldAt)}
                  {event.place ? ` · ${event.place}` : ''}
                </p>
                <p className="text-xs text-stone-500">
                  {event.ownerOrg.name}
                  {event.schedule ? ` · 计划：${event.schedule.title}` : ''}
                  {event._count.sites ? ` · 观摩示范点 ${event._count.sites} 个` : ''}
                  {event._count.entries ? ` · 参赛 ${event._count.entries} 个` : ''}
                  {event._count.files ? ` · 材料和照片 ${event._count.files} 份` : ''}
                </p>
              </li>
            ))}
          </ol>
          <Pagination page={page} pageCount={pageCount} total={total} hrefFor={(target) => `/promotion?page=${target}`} />
        </>
      )}
    </>
  );
}
