import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { queryString } from '@/lib/format';
import { CULTIVATION_STATUS_LABELS } from '@/lib/brand/labels';
import { listBrands, ZBrandSearch } from '@/lib/brand/queries';

export const metadata = { title: '品牌档案' };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BrandsPage({ searchParams }: { searchParams: TSearchParams }) {
  const admin = await requirePageUser(['ORG_ADMIN']);
  const raw = await searchParams;
  const search = ZBrandSearch.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const result = await listBrands(admin.roles, search);
  return (
    <>
      <PageHeader title="品牌档案" description="管理范围内各组织的党建品牌：历年历批申报、表彰、培育创建与验收认定，一个品牌一条时间线" />
      <form method="get" role="search" className="grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_auto] sm:items-end">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">搜索</span>
          <input name="q" type="search" defaultValue={search.q} placeholder="品牌名称或组织名称" className={inputClass} />
        </label>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass('primary', 'flex-1 sm:flex-none')}>搜索</button>
          <Link href="/admin/brands" className={buttonClass('secondary', 'flex-1 sm:flex-none')}>清除</Link>
        </div>
      </form>
      <div className="mt-4">
        {result.brands.length ? (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-sm">
            {result.brands.map((brand) => (
              <li key={brand.id}>
                <Link href={`/admin/brands/${brand.id}`} className="flex flex-wrap items-center justify-between gap-2 p-4 hover:bg-stone-50">
                  <span className="min-w-0">
                    <span className="block font-medium text-brand-800">{brand.name}</span>
                    <span className="block text-xs text-stone-500">{brand.organizationName}</span>
                  </span>
                  <span className="flex flex-wrap items-center gap-1.5 text-xs text-stone-600">
                    <span>申报 {brand.declarations} 次</span>
                    {brand.honours > 0 && <Badge tone="success">表彰 {brand.honours}</Badge>}
                    {brand.cultivationStatus && <Badge tone="brand">{CULTIVATION_STATUS_LABELS[brand.cultivationStatus]}</Badge>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={search.q ? '没有符合条件的品牌' : '还没有品牌'}>{search.q ? '换个关键词试试。' : '支部提交申报后，品牌会出现在这里。'}</EmptyState>
        )}
      </div>
      {result.total > 0 && (
        <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(page) => `/admin/brands${queryString({ q: search.q, page })}`} />
      )}
    </>
  );
}
