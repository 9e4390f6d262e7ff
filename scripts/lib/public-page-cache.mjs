// A small in-memory cache of finished responses for the public 品牌风采 pages (/gallery, /gallery/<id> and their share
// images), in front of Next in the production server. Why: Next itself spends about 2 ms of CPU on any request on
// Node 20, so even its prerendered pages stay near 550 requests per second on two cores; a crowd reading the gallery
// should cost neither the database nor a render. What makes it correct:
//   - These pages read no cookie, header or query string (the gallery filters in the browser), so one response per
//     path serves everyone. Only plain GETs are served from it; RSC, prefetch and action requests go to Next.
//   - Only complete 200 responses without Set-Cookie are kept, so a 404 for a random address is never stored.
//   - Entries belong to a generation: revalidateGallery() (lib/gallery/cache.ts), called by finalise and 摘牌 in this
//     same process, increments it through globalThis, and an entry of an older generation is dropped. A render that
//     started before the change is not stored. The same call expires Next's data cache, so the next render is fresh.
//   - Several server processes would each purge only their own copy on a change made through another: MAX_AGE_MS
//     bounds that staleness, like the time limit of the data cache.
const GENERATION_KEY = Symbol.for('dj.gallery.generation');
const CACHEABLE_PATH = /^\/gallery(?:\/[A-Za-z0-9_-]{1,64}){0,2}$/;
const MAX_ENTRIES = 2_000;
const MAX_AGE_MS = 10 * 60 * 1000;
const KEPT_HEADERS = ['content-type', 'content-encoding', 'vary', 'cache-control', 'x-nextjs-cache', 'x-nextjs-prerender', 'etag', 'link', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy'];

const generation = () => globalThis[GENERATION_KEY] ?? 0;

/** The cache key of a request, or null when the request must reach Next. */
function keyOf(req) {
  if (req.method !== 'GET') return null;
  const headers = req.headers;
  if (headers.rsc || headers['next-router-prefetch'] || headers['next-router-state-tree'] || headers['next-action'] || headers['next-router-segment-prefetch']) return null;
  const url = req.url ?? '';
  const queryAt = url.indexOf('?');
  const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
  if (!CACHEABLE_PATH.test(pathname)) return null;
  // Share images carry a content hash in their query; pages ignore the query. Gzip or not is part of the key.
  const query = pathname.includes('opengraph-image') && queryAt >= 0 ? url.slice(queryAt, queryAt + 40) : '';
  const gzip = /\bgzip\b/.test(String(headers['accept-encoding'] ?? '')) ? 'gz' : 'id';
  return `${gzip} ${pathname}${query}`;
}

export function createPublicPageCache() {
  const entries = new Map();

  const serve = (key, res) => {
    const entry = entries.get(key);
    if (!entry) return false;
    if (entry.generation !== generation() || Date.now() - entry.storedAt > MAX_AGE_MS) {
      entries.delete(key);
      return false;
    }
    res.writeHead(200, { ...entry.headers, 'content-length': entry.body.length, 'x-page-cache': 'hit' });
    res.end(entry.body);
    return true;
  };

  /** Records what Next writes, below its compression, and stores it when the response completes as a 200. */
  const record = (key, res) => {
    const startedIn = generation();
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const keep = (chunk, encoding) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    };
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
    res.once('finish', () => {
      if (res.statusCode !== 200 || res.getHeader('set-cookie') || generation() !== startedIn) return;
      const headers = {};
      for (const name of KEPT_HEADERS) {
        const value = res.getHeader(name);
        if (value !== undefined) headers[name] = value;
      }
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value);
      entries.set(key, { generation: startedIn, storedAt: Date.now(), headers, body: Buffer.concat(chunks) });
    });
  };

  /** Answers from the cache (true) or prepares `res` to fill it and returns false: then hand the request to Next. */
  return function tryCache(req, res) {
    const key = keyOf(req);
    if (!key) return false;
    if (serve(key, res)) return true;
    record(key, res);
    return false;
  };
}
