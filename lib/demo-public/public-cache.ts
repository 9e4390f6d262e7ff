// The public demo pages read through Next's data cache under the demo tag (cache.ts): after the first request a page
// costs no query until something it shows changes and revalidateDemo() runs.
import { cachedForDemo } from '@/lib/demo-public/cache';
import { listPublicDemo, listPublicDemoIds, listPublicDemoPaths, loadPublicBelt, loadPublicSite } from '@/lib/demo-public/queries';

export const listPublicDemoCached = cachedForDemo(listPublicDemo, 'demo-index');
export const listPublicDemoPathsCached = cachedForDemo(listPublicDemoPaths, 'demo-paths');

const listIds = cachedForDemo(listPublicDemoIds, 'demo-ids');
const loadBelt = cachedForDemo(loadPublicBelt, 'demo-belt');
const loadSite = cachedForDemo(loadPublicSite, 'demo-site');

/**
 * A page's data, or null. The id is looked up in the cached list of ids first (like 品牌风采): a known id reads through
 * the cache. An id not in the list is checked with one uncached query (a belt approved or a site added since the list
 * was cached, by a path that did not call revalidateDemo) and then read uncached: random addresses cost that query but
 * never add a cache entry.
 */
export async function loadPublicBeltCached(beltId: string) {
  if ((await listIds()).beltIds.includes(beltId)) return loadBelt(beltId);
  return isPlausibleId(beltId) ? loadPublicBelt(beltId) : null;
}

export async function loadPublicSiteCached(siteId: string) {
  if ((await listIds()).siteIds.includes(siteId)) return loadSite(siteId);
  return isPlausibleId(siteId) ? loadPublicSite(siteId) : null;
}

const isPlausibleId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
