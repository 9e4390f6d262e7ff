// The public gallery (品牌风采) and certificate pages are cached; whatever changes an honor calls revalidateGallery().
// Two caches hang on it: Next's data cache (entries tagged GALLERY_TAG, lib/gallery/public-cache.ts and
// lib/honors/public-cache.ts) and the page cache of the production server (scripts/lib/public-page-cache.mjs), which
// keeps the finished HTML of /gallery pages and drops it when the generation below changes.
import { revalidateTag } from 'next/cache';

export const GALLERY_TAG = 'gallery';

/** Shared with scripts/lib/public-page-cache.mjs through globalThis: Next renders in the server's own process. */
export const GALLERY_GENERATION_KEY = Symbol.for('dj.gallery.generation');

type TGenerationHolder = { [GALLERY_GENERATION_KEY]?: number };

/**
 * Expires every cached gallery query and page at once; the next visitor gets a fresh copy. Immediate, not
 * stale-while-revalidate: the page cache stores whatever the first render after a change produces, so that render must
 * not read stale data. Call from actions only (after the transaction committed).
 */
export function revalidateGallery(): void {
  const holder = globalThis as TGenerationHolder;
  holder[GALLERY_GENERATION_KEY] = (holder[GALLERY_GENERATION_KEY] ?? 0) + 1;
  revalidateTag(GALLERY_TAG, { expire: 0 });
}
