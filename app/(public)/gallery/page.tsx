import { GalleryList } from '@/components/gallery/gallery-list';
import { GALLERY_LIST_METADATA } from '@/lib/gallery/metadata';
import { listGalleryBrandsCached } from '@/lib/gallery/public-cache';

// 品牌风采 with a filter or search (year, field, region, award, q). Without one, proxy.ts rewrites /gallery and
// /gallery?page=N to app/(public)/gallery/page/[page], the cached page with an ETag. This one is rendered per request
// from the cached list (no query until an honor changes); nginx keeps it for a second (Cache-Control in next.config.js).
export const dynamic = 'force-dynamic';

export const metadata = GALLERY_LIST_METADATA;

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GalleryPage({ searchParams }: TProps) {
  const brands = await listGalleryBrandsCached();
  return <GalleryList brands={brands} params={await searchParams} />;
}
