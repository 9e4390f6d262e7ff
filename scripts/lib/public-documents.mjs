// The public 品牌风采 pages (/gallery, /gallery/<id>) and their share images, and the public 示范点 / 示范带 pages (/demo…), answered by the production server in
// front of Next. Two things happen here:
//
// 1. The pages go out as plain documents, without Next's client runtime. They have no client component (filters and
//    pages are a GET form, links are plain links), so the runtime would only hydrate static markup; on a phone that is
//    most of the page's cost (about 110 KB of script, half a second of main-thread work on a mid-range phone). Every
//    <script> except JSON-LD and every script preload is removed from the HTML Next renders; the markup, the
//    stylesheet and the metadata stay as they are. Navigating to these pages from a page that does run the runtime
//    still works the client-side way (RSC requests are passed through untouched).
// 2. The finished responses are kept in memory, because Next spends about 2 ms of CPU on any request on Node 20 (even
//    a prerendered page stays near 550 requests per second on two cores) and a crowd reading the gallery should cost
//    neither the database nor a render. What makes that correct:
//    - The pages read no cookie or header and only the filter parameters of the query string, so one response per
//      path and canonical filter serves everyone. Searches (q) are rendered each time, from cached data.
//    - Only complete 200 responses without Set-Cookie are kept, so a 404 for a random address is never stored.
//    - Entries belong to a generation: revalidateGallery() (lib/gallery/cache.ts), called by finalise and 摘牌 in this
//      same process, increments it through globalThis, and an entry of an older generation is dropped. A render that
//      started before the change is not stored. The same call expires Next's data cache, so the next render is fresh.
//    - Several server processes would each purge only their own copy on a change made through another: MAX_AGE_MS
//      bounds that staleness, like the time limit of the data cache.
//    Pages are sent with an ETag and `Cache-Control: no-cache`, so a browser revalidates (304) instead of downloading
//    again, and may keep the page in its back/forward cache (Next's own `no-store` forbids that).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const GENERATION_KEY = Symbol.for('dj.gallery.generation');
// The public 示范点 / 示范带 pages (/demo, /demo/belts/<id>, /demo/sites/<id>; not their comment forms, which run the
// client runtime) are documents of the same kind; revalidateDemo() (lib/demo-public/cache.ts) moves their generation.
const DEMO_GENERATION_KEY = Symbol.for('dj.demo.generation');
const HANDLED_PATH = /^\/gallery(?:\/[A-Za-z0-9_-]{1,64}){0,2}$|^\/demo(?:\/(?:belts|sites)\/[A-Za-z0-9_-]{1,64})?$/;
const FILTER_PARAMS = ['year', 'field', 'region', 'award', 'page'];
const MAX_KEY_QUERY = 200;
const MAX_ENTRIES = 500;
const MAX_AGE_MS = 10 * 60 * 1000;
const KEPT_HEADERS = ['content-type', 'vary', 'x-nextjs-cache', 'x-nextjs-prerender', 'link', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy'];
const DOCUMENT_CACHE_CONTROL = 'public, no-cache';

/** Both counters: a change to either drops every stored page (simple, and changes are rare). */
const generation = () => `${globalThis[GENERATION_KEY] ?? 0}:${globalThis[DEMO_GENERATION_KEY] ?? 0}`;

/**
 * The HTML without Next's client runtime: its scripts (inline RSC payload included) and script preloads. JSON-LD stays,
 * and so does the 大字 script (components/layout/text-size.tsx), which needs no runtime.
 */
export function withoutClientRuntime(html) {
  return html
    .replace(/<script\b(?![^>]*\btype="application\/ld\+json")(?![^>]*\bid="text-size-script")[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b(?=[^>]*\bas="script")[^>]*>/gi, '')
    .replace(/<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi, '');
}

/**
 * What the request is to this module: null when it must reach Next untouched (not a GET of these paths, or one of
 * Next's own RSC, prefetch or action requests), else the path and the cache key (null: answer, but do not store).
 */
export function classify(req) {
  if (req.method !== 'GET') return null;
  const headers = req.headers;
  if (headers.rsc || headers['next-router-prefetch'] || headers['next-router-state-tree'] || headers['next-action'] || headers['next-router-segment-prefetch']) return null;
  const url = req.url ?? '';
  const queryAt = url.indexOf('?');
  const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
  if (!HANDLED_PATH.test(pathname)) return null;
  const search = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
  // Share images carry a content hash in their query; pages only read the filters, and a search is not stored.
  if (pathname.includes('opengraph-image')) return { pathname, key: `${pathname}?${search.toString().slice(0, 40)}` };
  if (search.get('q')?.trim()) return { pathname, key: null };
  const kept = FILTER_PARAMS.filter((name) => search.get(name)).map((name) => `${name}=${encodeURIComponent(search.get(name))}`);
  const query = kept.join('&');
  return { pathname, key: query.length > MAX_KEY_QUERY ? null : `${pathname}?${query}` };
}

const acceptsGzip = (req) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

function buildEntry(res, raw) {
  const headers = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = value;
  }
  const isHtml = String(headers['content-type'] ?? '').startsWith('text/html');
  const body = isHtml ? Buffer.from(withoutClientRuntime(raw.toString('utf8'))) : raw;
  const vary = String(headers.vary ?? '');
  if (isHtml) {
    headers['cache-control'] = DOCUMENT_CACHE_CONTROL;
    if (!/accept-encoding/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
  } else {
    const cacheControl = res.getHeader('cache-control');
    if (cacheControl !== undefined) headers['cache-control'] = cacheControl;
  }
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  return { headers, body, gzip: isHtml ? gzipSync(body) : null, etag: isHtml ? `"${hash}"` : null };
}

/** Sends an entry: 304 when the browser already has this version, gzip when it takes it. */
function send(req, res, entry, extra = {}) {
  const gzip = entry.gzip && acceptsGzip(req);
  const etag = entry.etag && (gzip ? `"${entry.etag.slice(1, -1)}-gz"` : entry.etag);
  const headers = { ...entry.headers, ...extra, ...(etag ? { etag } : {}) };
  const presented = String(req.headers['if-none-match'] ?? '');
  if (etag && presented.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = gzip ? entry.gzip : entry.body;
  res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': body.length });
  res.end(body);
}

/**
 * Holds back what Next writes for this response until it ends (Next sends it uncompressed: the request's
 * Accept-Encoding is kept from it), then hands the whole body to `done`.
 */
function collect(req, res, done) {
  const acceptEncoding = req.headers['accept-encoding'];
  delete req.headers['accept-encoding'];
  const chunks = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  const keep = (chunk, encoding) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
  };
  const callbackOf = (...args) => args.find((arg) => typeof arg === 'function');
  res.writeHead = function (statusCode, reason, headers) {
    const given = typeof reason === 'string' ? headers : reason;
    this.statusCode = statusCode;
    if (Array.isArray(given)) for (let i = 0; i + 1 < given.length; i += 2) this.setHeader(given[i], given[i + 1]);
    else if (given) for (const [name, value] of Object.entries(given)) this.setHeader(name, value);
    return this;
  };
  res.flushHeaders = () => {};
  res.write = function (chunk, encoding, callback) {
    keep(chunk, encoding);
    const cb = callbackOf(encoding, callback);
    if (cb) process.nextTick(cb);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    keep(chunk, encoding);
    Object.assign(res, original);
    if (acceptEncoding === undefined) delete req.headers['accept-encoding'];
    else req.headers['accept-encoding'] = acceptEncoding;
    done(Buffer.concat(chunks), callbackOf(chunk, encoding, callback));
    return this;
  };
}

export function createPublicDocuments() {
  const entries = new Map();

  const lookup = (key) => {
    const entry = key && entries.get(key);
    if (!entry) return null;
    if (entry.generation !== generation() || Date.now() - entry.storedAt > MAX_AGE_MS) {
      entries.delete(key);
      return null;
    }
    return entry;
  };

  /** Answers from memory (true), or lets Next render the response and finishes it here (false: call Next next). */
  return function handlePublicDocument(req, res) {
    const target = classify(req);
    if (!target) return false;
    const cached = lookup(target.key);
    if (cached) {
      send(req, res, cached, { 'x-page-cache': 'hit' });
      return true;
    }
    const startedIn = generation();
    collect(req, res, (raw, callback) => {
      if (res.statusCode !== 200 || res.getHeader('set-cookie')) {
        // Errors, redirects and not-found pages go out exactly as Next made them.
        res.removeHeader('transfer-encoding');
        res.setHeader('content-length', raw.length);
        res.end(raw, callback);
        return;
      }
      const entry = buildEntry(res, raw);
      if (target.key && generation() === startedIn) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value);
        entries.set(target.key, { ...entry, generation: startedIn, storedAt: Date.now() });
      }
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      send(req, res, entry);
      if (callback) process.nextTick(callback);
    });
    return false;
  };
}
