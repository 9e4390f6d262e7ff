// The public gallery (品牌风采) and certificate pages read through Next's data cache under GALLERY_TAG
// (lib/gallery/public-cache.ts, lib/honors/public-cache.ts); whatever changes an honor calls revalidateGallery().
import { cachedUnderTag, expireTag } from '@/lib/cache/tagged';

export const GALLERY_TAG = 'gallery';

/** Expires every cached gallery and certificate query at once. Call from actions only (after the transaction committed). */
export function revalidateGallery(): void {
  expireTag(GALLERY_TAG);
}

/** `fn` through Next's data cache under the gallery tag; revalidateGallery() expires it. */
export function cachedForGallery<TArgs extends unknown[], TResult>(fn: (...args: TArgs) => Promise<TResult>, name: string) {
  return cachedUnderTag(GALLERY_TAG, fn, name);
}
