// Public lists that are pages of their own under the hood, so Next keeps them whole (on-demand ISR: an ETag, a 304
// for a browser that has the version, no render until the data changes). A route can only be cached that way when it
// has a dynamic segment (the build has no database to render it in advance), so proxy.ts rewrites the public address
// to one: /gallery and /gallery?page=N → /gallery/page/N, /demo → /demo/all. A filtered 品牌风采 (any other query) stays
// on /gallery, rendered per request.

/** A page number of 品牌风采: 1 to 9999, no leading zero. */
export const GALLERY_PAGE_PARAM = /^[1-9]\d{0,3}$/;

/** The one view of /demo. */
export const DEMO_INDEX_VIEW = 'all';

/** Next's client router adds it to the address of the pages it fetches; it selects nothing. */
const ROUTER_PARAM = '_rsc';

/** The path proxy.ts sends a GET or HEAD of `url` to (its query kept), or null when it goes where it asked. */
export function cachedPagePath(url: URL): string | null {
  if (url.pathname === '/demo') return `/demo/${DEMO_INDEX_VIEW}`;
  if (url.pathname !== '/gallery') return null;
  const names = [...url.searchParams.keys()].filter((name) => name !== ROUTER_PARAM);
  if (names.length === 0) return '/gallery/page/1';
  const page = url.searchParams.get('page') ?? '';
  return names.length === 1 && names[0] === 'page' && GALLERY_PAGE_PARAM.test(page) ? `/gallery/page/${page}` : null;
}
