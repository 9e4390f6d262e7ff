// The public pages' data (品牌风采, certificates, 示范点 / 示范带) goes through Next's data cache under one tag per kind;
// whatever changes what they show expires the tag after its transaction committed. The cache handler
// (lib/cache/redis-cache-handler.mjs) keeps entries and tag times on Redis when REDIS_URL is set, so an expiry on one
// instance reaches every instance at once; otherwise in this process.
import { revalidateTag, unstable_cache } from 'next/cache';

/** Seconds an entry is used at most, even when no change expired it (a safety net, not the way changes show). */
const MAX_AGE_SECONDS = 600;

/** `fn` through Next's data cache under `tag`. */
export function cachedUnderTag<TArgs extends unknown[], TResult>(tag: string, fn: (...args: TArgs) => Promise<TResult>, name: string) {
  return unstable_cache(fn, [name], { tags: [tag], revalidate: MAX_AGE_SECONDS });
}

/**
 * Expires every entry under `tag` at once (not stale-while-revalidate: the next read is fresh). In a server action that
 * renders no page Next writes the expiry beside the action's answer (waitUntil), so it lands a moment after the answer
 * rather than before it. Outside a Next request
 * (a script, a test calling a service directly) there is no cache to expire.
 */
export function expireTag(tag: string): void {
  try {
    revalidateTag(tag, { expire: 0 });
  } catch (error) {
    if (!(error instanceof Error) || !/static generation store|incrementalCache|outside a request/i.test(error.message)) throw error;
  }
}
