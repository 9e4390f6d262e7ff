// 品牌风采 reads through Next's data cache under the gallery tag, like the certificate lookups (lib/honors/public-cache.ts):
// after the first request a page costs no query until an honor changes (finalise, 摘牌 call revalidateGallery()).
import { cachedForGallery } from '@/lib/gallery/cache';
import { listGalleryBrands, loadGalleryBrand, type TGalleryBrand, type TGalleryBrandDetail } from '@/lib/gallery/queries';

export const listGalleryBrandsCached = cachedForGallery(listGalleryBrands, 'gallery-brands');

const loadGalleryBrandDetail = cachedForGallery((brand: TGalleryBrand) => loadGalleryBrand(brand), 'gallery-brand');

/**
 * A brand page's data, or null. The id is looked up in the cached list first: an unknown or revoked id costs no query
 * and adds no cache entry, so random addresses cannot fill the cache.
 */
export async function findGalleryBrandCached(applicationId: string): Promise<TGalleryBrandDetail | null> {
  const brand = (await listGalleryBrandsCached()).find((candidate) => candidate.applicationId === applicationId);
  return brand ? loadGalleryBrandDetail(brand) : null;
}
