// The public gallery (品牌风采) and certificate pages are cached; whatever changes an honor calls revalidateGallery().
import { revalidateTag } from 'next/cache';

export const GALLERY_TAG = 'gallery';

/** Marks every cached gallery page and query stale; the next visitor gets a fresh copy. Call from actions only. */
export function revalidateGallery(): void {
  revalidateTag(GALLERY_TAG, 'max');
}
