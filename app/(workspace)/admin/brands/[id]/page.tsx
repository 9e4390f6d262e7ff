import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { formatDate } from '@/lib/format';
import { findBrandForStaff } from '@/lib/brand/queries';
import { brandTimeline } from '@/lib/brand-timeline/sources';

export const metadata = { title: '品牌时间线' };

export default async function BrandPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePageUser(['ORG_ADMIN']);
  const { id } = await params;
  const brand = await findBrandForStaff(id, admin.roles);
  if (!brand) pageNotFound();
  const items = await brandTimeline(brand.id);
  return (
    <>
      <PageHeader
        title={brand.name}
        description={`${brand.organization.name} · 建档于 ${formatDate(brand.createdAt)}`}
        actions={<Link href="/admin/brands" className={buttonClass('ghost')}>返回品牌档案</Link>}
      />
      {items.length ? (
        <ol className="relative space-y-3 border-l-2 border-stone-200 pl-4" aria-label="品牌时间线">
          {items.map((item) => (
            <li key={item.key} className="relative">
              <span aria-hidden className="absolute -left-[1.4rem] top-2 size-2.5 rounded-full bg-brand-600 ring-2 ring-white" />
              <div className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
                <p className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
                  <time dateTime={item.at.toISOString()}>{formatDate(item.at)}</time>
                  <Badge tone={item.tone ?? 'neutral'}>{item.kind}</Badge>
                </p>
                <p className="mt-1 font-medium text-stone-900">
                  {item.href ? (
                    <Link href={item.href} className="text-brand-800 hover:underline">
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </p>
                {item.detail && <p className="mt-0.5 break-words text-sm text-stone-600">{item.detail}</p>}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title="暂无记录" />
      )}
    </>
  );
}
