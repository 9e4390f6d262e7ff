// The public 示范点 / 示范带 pages (/demo…) are cached like 品牌风采 (lib/gallery/cache.ts), under the `demo` tag.
// Whatever changes what those pages show calls revalidateDemo() after its transaction committed: approving a comment,
// replying to one, 摘牌 of a site, a belt's 立项 decision, checklist verdicts, photos.
import { cachedUnderTag, expireTag } from '@/lib/cache/tagged';

export const DEMO_TAG = 'demo';

/** Expires every cached public demo query at once. */
export function revalidateDemo(): void {
  expireTag(DEMO_TAG);
}

/** `fn` through Next's data cache under the demo tag; revalidateDemo() expires it. */
export function cachedForDemo<TArgs extends unknown[], TResult>(fn: (...args: TArgs) => Promise<TResult>, name: string) {
  return cachedUnderTag(DEMO_TAG, fn, name);
}
