import { GalleryCard } from '@/components/gallery/gallery-card';
import { GalleryFilterForm } from '@/components/gallery/gallery-filter-form';
import { PublicHeader } from '@/components/layout/public-header';
import { EmptyState } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { filterGalleryBrands, galleryHref, galleryOptions, isFiltered, pageOfGallery, parseGalleryFilter } from '@/lib/gallery/filter';
import type { TGalleryBrand } from '@/lib/gallery/queries';

/**
 * 品牌风采: the filter form and one page of the brands the query (`params`: year, field, region, award, q, page) lets
 * through, worked out on the server from the whole list (no client component). The page of an unfiltered list (app/(public)/gallery/page/[page]) and the filtered one
 * (app/(public)/gallery/page.tsx) both show this.
 */
export function GalleryList({ brands, params }: { brands: TGalleryBrand[]; params: Parameters<typeof parseGalleryFilter>[0] }) {
  const options = galleryOptions(brands);
  const filter = parseGalleryFilter(params, options);
  const filtered = isFiltered(filter);
  const found = filterGalleryBrands(brands, filter);
  const { page, pageCount, brands: shown } = pageOfGallery(found, filter.page);
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold text-stone-900">品牌风采</h1>
          <p className="mt-1 text-sm text-stone-600">历年获表彰的基层党建品牌，点开品牌查看内涵、载体与工作成效。</p>
        </div>
        {brands.length > 0 && <GalleryFilterForm filter={filter} options={options} filtered={filtered} />}
        {brands.length > 0 && (
          <p className="text-sm text-stone-700" role="status">
            {filtered ? `找到 ${found.length} 个品牌（共 ${brands.length} 个）` : `共 ${brands.length} 个品牌`}
          </p>
        )}
        {found.length === 0 ? (
          <EmptyState title={brands.length ? '没有找到符合条件的品牌' : '暂无品牌'}>{brands.length ? '换个关键词或筛选条件试试。' : '表彰决定发布后，获表彰的品牌会展示在这里。'}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {shown.map((brand) => (
              <li key={brand.applicationId}>
                <GalleryCard brand={brand} />
              </li>
            ))}
          </ul>
        )}
        {pageCount > 1 && <Pagination page={page} pageCount={pageCount} total={found.length} hrefFor={(target) => galleryHref(filter, target)} />}
      </main>
    </>
  );
}
