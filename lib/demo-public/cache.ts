// The public 示范点 / 示范带 pages (/demo…) are cached like 品牌风采 (lib/gallery/cache.ts): Next's data cache under the
// `demo` tag, keyed per server process, and — when scripts/lib/public-documents.mjs keeps finished pages — a generation
// counter it reads through globalThis. Whatever changes what those pages show calls revalidateDemo() after its
// transaction committed: approving a comment, replying to one, 摘牌 of a site, a belt's 立项 decision, checklist verdicts,
// photos.
import { randomUUID } from 'node:crypto';
import { revalidateTag, unstable_cache } from 'next/cache';

export const DEMO_TAG = 'demo';

/** Shared with scripts/lib/public-documents.mjs through globalThis: Next renders in the server's own process. */
export const DEMO_GENERATION_KEY = Symbol.for('dj.demo.generation');

type TGenerationHolder = { [DEMO_GENERATION_KEY]?: number };

/** Expires every cached public demo query and page at once (not stale-while-revalidate: the next read is fresh). */
export function revalidateDemo(): void {
  const holder = globalThis as TGenerationHolder;
  holder[DEMO_GENERATION_KEY] = (holder[DEMO_GENERATION_KEY] ?? 0) + 1;
  try {
    revalidateTag(DEMO_TAG, { expire: 0 });
  } catch (error) {
    // Outside a Next request (a script, a test calling the service directly) there is no cache to expire.
    if (!(error instanceof Error) || !/static generation store|incrementalCache|outside a request/i.test(error.message)) throw error;
  }
}

// Per process, like the gallery: Next remembers revalidated tags in memory only, so an entry on disk from before a
// restart must not be found again; the time limit bounds staleness should several processes ever share a cache.
const PROCESS_KEY = randomUUID();

/** `fn` through Next's data cache under the demo tag, keyed per server process; revalidateDemo() expires it. */
export function cachedForDemo<TArgs extends unknown[], TResult>(fn: (...args: TArgs) => Promise<TResult>, name: string) {
  return unstable_cache(fn, [name, PROCESS_KEY], { tags: [DEMO_TAG], revalidate: 600 });
}
