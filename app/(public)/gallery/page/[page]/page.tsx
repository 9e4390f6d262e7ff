import { notFound } from 'next/navigation';
import { GalleryList } from '@/components/gallery/gallery-list';
import { GALLERY_LIST_METADATA } from '@/lib/gallery/metadata';
import { listGalleryBrandsCached } from '@/lib/gallery/public-cache';
import { GALLERY_PAGE_PARAM } from '@/lib/http/cached-pages';

// 品牌风采 without a filter: what /gallery and /gallery?page=N show (proxy.ts rewrites them here). Rendered on first
// request (none at build time: the build has no database) and then kept in Next's cache, tagged `gallery` through the
// list it read: revalidateGallery() expires it on every instance. Being a cached page it goes out with an ETag (a
// browser that has it gets a 304); `revalidate` is only the safety net. A page past the end shows the last one.
export const revalidate = 600;
export function generateStaticParams(): { page: string }[] {
  return [];
}

export const metadata = GALLERY_LIST_METADATA;

type TProps = { params: Promise<{ page: string }> };

export default async function GalleryListPage({ params }: TProps) {
  const { page } = await params;
  if (!GALLERY_PAGE_PARAM.test(page)) notFound();
  const brands = await listGalleryBrandsCached();
  return <GalleryList brands={brands} params={{ page }} />;
}
