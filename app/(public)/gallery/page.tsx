import type { Metadata } from 'next';
import { GalleryBrowser, type TGalleryFilterItem } from '@/components/gallery/gallery-browser';
import { GalleryCard } from '@/components/gallery/gallery-card';
import { PublicHeader } from '@/components/layout/public-header';
import { galleryMetadataBase } from '@/lib/gallery/metadata';
import { listGalleryBrandsCached } from '@/lib/gallery/public-cache';

// Rendered per request, never at build time (the build has no database), from the cached list: after the first
// request no query runs until an honor changes. The page ignores the query string: it renders the whole list and the
// small client component filters it (state in the address), so every visitor gets the same HTML, which the production
// server keeps in memory until revalidateGallery() (scripts/lib/public-page-cache.mjs).
export const dynamic = 'force-dynamic';

export function generateMetadata(): Metadata {
  const description = '历年获表彰的基层党建品牌：按年度、领域、地区和荣誉浏览，查看品牌内涵、创建载体与工作成效。';
  return {
    metadataBase: galleryMetadataBase(),
    title: '品牌风采',
    description,
    openGraph: { title: '品牌风采 · 党建品牌选树平台', description, locale: 'zh_CN', type: 'website' },
  };
}

const sortedUnique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => !!value))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));

export default async function GalleryPage() {
  const brands = await listGalleryBrandsCached();
  const items: TGalleryFilterItem[] = brands.map((brand) => ({
    id: brand.applicationId,
    year: String(brand.year),
    field: brand.fieldName ?? '',
    region: brand.regionName,
    awards: [...new Set(brand.awards.map((award) => award.name))],
    text: `${brand.brandName} ${brand.organizationName}`.toLowerCase(),
  }));
  const options = {
    years: [...new Set(items.map((item) => item.year))].sort((a, b) => Number(b) - Number(a)),
    fields: sortedUnique(brands.map((brand) => brand.fieldName)),
    regions: sortedUnique(brands.map((brand) => brand.regionName)),
    awards: sortedUnique(brands.flatMap((brand) => brand.awards.map((award) => award.name))),
  };
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-5xl space-y-5 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold text-stone-900">品牌风采</h1>
          <p className="mt-1 text-sm text-stone-600">历年获表彰的基层党建品牌，点开品牌查看内涵、载体与工作成效。</p>
        </div>
        <GalleryBrowser items={items} options={options} cards={brands.map((brand) => <GalleryCard key={brand.applicationId} brand={brand} />)} />
      </main>
    </>
  );
}
