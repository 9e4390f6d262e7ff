// 品牌风采 reads through Next's data cache under the gallery tag, like the certificate lookups (lib/honors/public-cache.ts):
// after the first request a page costs no query until an honor changes (finalise, 摘牌 call revalidateGallery()).
import { randomUUID } from 'node:crypto';
import { unstable_cache } from 'next/cache';
import { GALLERY_TAG } from '@/lib/gallery/cache';
import { listGalleryBrands, loadGalleryBrand, type TGalleryBrand, type TGalleryBrandDetail } from '@/lib/gallery/queries';

// Per server process, for the same reason as the certificate cache: Next remembers revalidated tags in memory only, so
// an entry written to disk before a restart (or before a database reset) must not be read back as fresh.
const PROCESS_KEY = randomUUID();
const OPTIONS = { tags: [GALLERY_TAG], revalidate: 600 };

export const listGalleryBrandsCached = unstable_cache(listGalleryBrands, ['gallery-brands', PROCESS_KEY], OPTIONS);

const loadGalleryBrandDetail = unstable_cache((brand: TGalleryBrand) => loadGalleryBrand(brand), ['gallery-brand', PROCESS_KEY], OPTIONS);

/**
 * A brand page's data, or null. The id is looked up in the cached list first: an unknown or revoked id costs no query
 * and adds no cache entry, so random addresses cannot fill the cache.
 */
export async function findGalleryBrandCached(applicationId: string): Promise<TGalleryBrandDetail | null> {
  const brand = (await listGalleryBrandsCached()).find((candidate) => candidate.applicationId === applicationId);
  return brand ? loadGalleryBrandDetail(brand) : null;
}
