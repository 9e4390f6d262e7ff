// The public gallery (品牌风采) and certificate pages are cached; whatever changes an honor calls revalidateGallery().
// Two caches hang on it: Next's data cache (entries tagged GALLERY_TAG, lib/gallery/public-cache.ts and
// lib/honors/public-cache.ts) and the page cache of the production server (scripts/lib/public-documents.mjs), which
// keeps the finished HTML of /gallery pages and drops it when the generation below changes.
import { randomUUID } from 'node:crypto';
import { revalidateTag, unstable_cache } from 'next/cache';

export const GALLERY_TAG = 'gallery';

/** Shared with scripts/lib/public-documents.mjs through globalThis: Next renders in the server's own process. */
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

// Next writes data-cache entries to disk (.next/cache) but remembers revalidated tags in memory only: after a restart an
// entry written before a 摘牌 would look fresh again (and after a database reset, certificate numbers are reissued). The
// key is therefore per server process; the time limit bounds staleness should several processes ever share a cache.
const PROCESS_KEY = randomUUID();

/** `fn` through Next's data cache under the gallery tag, keyed per server process; revalidateGallery() expires it. */
export function cachedForGallery<TArgs extends unknown[], TResult>(fn: (...args: TArgs) => Promise<TResult>, name: string) {
  return unstable_cache(fn, [name, PROCESS_KEY], { tags: [GALLERY_TAG], revalidate: 600 });
}
