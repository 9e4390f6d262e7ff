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
 * A page's data, or null. The id is looked up in the cached list of ids first (like 品牌风采): an unknown or unpublished
 * id costs no query and adds no cache entry, so random addresses cannot fill the cache.
 */
export async function loadPublicBeltCached(beltId: string) {
  return (await listIds()).beltIds.includes(beltId) ? loadBelt(beltId) : null;
}

export async function loadPublicSiteCached(siteId: string) {
  return (await listIds()).siteIds.includes(siteId) ? loadSite(siteId) : null;
}
