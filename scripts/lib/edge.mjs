// The edge of the production and dev server (scripts/server.mjs), before Next sees a request:
// - forwarded headers: X-Forwarded-* come only from a trusted proxy (TRUST_PROXY); otherwise they are dropped and
//   X-Forwarded-For is the socket address. Internal Next headers never come from outside.
// - the URL: percent-encoded NUL and bidi controls are removed from the path and query, so no page, route or query
//   ever sees them (PostgreSQL refuses NUL in text, 22021; bidi controls disguise what is shown). Node's parser itself
//   refuses them unencoded (400).
// - HSTS when the trusted proxy says the request came over HTTPS.
// - next-auth's callback-url cookie, plain or __Secure-: one that is not a path or URL of this site (garbage, NUL,
//   another site, overlong) is removed from the request and cleared in the browser; next-auth answered every
//   /api/auth request with a 500 while it was there (lib/auth/callback-url.ts guards the callback itself).
// - server actions: Next answers a cross-site Origin, an unparseable body and a body over its limit with a 500, and
//   after an oversize body it leaves the rest of the body on a keep-alive connection, where it is read as the next
//   request. Here they get 403, 400 and 413 with `Connection: close` before Next reads anything. The 403 and 413 go
//   out at once, and the refused body is then read to its end and dropped (up to DRAIN_LIMIT_BYTES and
//   DRAIN_TIMEOUT_MS) before the connection closes, so a client still sending is not reset before it reads the answer.
import { createRequire } from 'node:module';

/** The server-action body limit; next.config.js gives Next the same number. */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';
const UNSAFE_ENCODED = /%00|%E2%80%A[A-E]|%E2%81%A[6-9]/gi;

/** False for a path with broken percent-encoding (`/gallery/%E0%A4%A`), which Next answers with a 500 in a dynamic segment. */
function hasDecodablePath(url = '/') {
  const queryAt = url.indexOf('?');
  try {
    decodeURIComponent(queryAt < 0 ? url : url.slice(0, queryAt));
    return true;
  } catch {
    return false;
  }
}

/** The request target without NUL and bidi controls (again until none is left: `%E2%80%A%00E` hides one). */
function cleanRequestUrl(url = '/') {
  let cleaned = url;
  do {
    url = cleaned;
    cleaned = url.replace(UNSAFE_ENCODED, '');
  } while (cleaned !== url);
  return cleaned;
}

const firstValue = (value) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/** Headers a client could use to pose as the proxy or as Next itself. */
function sanitiseHeaders(req, { trustProxy }) {
  const socketIp = req.socket.remoteAddress ?? '127.0.0.1';
  if (!trustProxy) {
    for (const name of Object.keys(req.headers)) if (name.startsWith('x-forwarded-') || name === 'forwarded') delete req.headers[name];
  }
  if (!req.headers['x-forwarded-for']) req.headers['x-forwarded-for'] = socketIp;
  delete req.headers['x-middleware-subrequest'];
}

/** next-auth's callback-url cookies: the plain one and the one it uses over HTTPS. */
const CALLBACK_URL_COOKIES = new Set(['next-auth.callback-url', '__Secure-next-auth.callback-url']);
const CALLBACK_URL_MAX_LENGTH = 2000;

/**
 * Whether next-auth may be given this callback-url cookie: decoded as Next decodes cookies, short, no control
 * characters or backslashes, and a path on this site or an http(s) URL of this host (`host`, the Host header or the
 * trusted proxy's forwarded host). next-auth checks the cookie before any of our callbacks run and answers every
 * /api/auth request with a 500 when it is not a URL; a foreign URL it would ignore, but it is not ours either.
 */
function isUsableCallbackCookie(raw, host) {
  let value;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return false;
  }
  if (value.length > CALLBACK_URL_MAX_LENGTH || /[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && Boolean(host) && url.host === host;
  } catch {
    return false;
  }
}

/**
 * Drops an unusable next-auth callback-url cookie (see isUsableCallbackCookie) from the request, so next-auth never
 * sees it, and tells the browser to forget it. Runs after sanitiseHeaders: a forwarded host is there only when trusted.
 */
function dropUnusableCallbackCookies(req, res) {
  const header = req.headers.cookie;
  if (!header?.includes('callback-url')) return;
  const host = firstValue(req.headers['x-forwarded-host']) || req.headers.host;
  const kept = [];
  const dropped = new Set();
  for (const pair of header.split(/;\s*/)) {
    const at = pair.indexOf('=');
    const name = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (CALLBACK_URL_COOKIES.has(name) && !isUsableCallbackCookie(at < 0 ? '' : pair.slice(at + 1), host)) dropped.add(name);
    else kept.push(pair);
  }
  if (!dropped.size) return;
  if (kept.length) req.headers.cookie = kept.join('; ');
  else delete req.headers.cookie;
  for (const name of dropped) {
    res.appendHeader('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure-') ? '; Secure' : ''}`);
  }
}

const isHttpsRequest = (req, { trustProxy }) => trustProxy && firstValue(req.headers['x-forwarded-proto']) === 'https';

/** A POST Next may treat as a server action: one with Next-Action (fetch), or a multipart form posted to a page (MPA). */
function isPossibleServerAction(req) {
  if (req.method !== 'POST' || req.url.startsWith('/api/')) return false;
  return Boolean(req.headers['next-action']) || /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}

/** The same test as Next's: the Origin's host must be the Host (or, from a trusted proxy, the forwarded host). A request without Origin passes, as in Next. */
function hasSameOriginOrNone(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = firstValue(req.headers['x-forwarded-host']) || req.headers.host;
  try {
    return Boolean(host) && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(message);
}

const FILE = Symbol('file');
/** Deeper than any argument of ours; React's decoder recurses per level and overflows the stack on a few thousand. */
const MAX_REPLY_DEPTH = 64;
const REPLY_ARRAY_LIMIT = 1_000_000;

/** The parts of a multipart body as Next's own parser (busboy, compiled into Next) reads them; null if it cannot. */
function multipartParts(headers, body) {
  return new Promise((resolve) => {
    const require = createRequire(import.meta.url);
    const busboy = require('next/dist/compiled/busboy');
    const parts = new Map();
    let parser;
    try {
      parser = busboy({ headers, defParamCharset: 'utf8' });
    } catch {
      return resolve(null);
    }
    parser.on('field', (name, value) => parts.set(name, value));
    parser.on('file', (name, stream) => {
      parts.set(name, FILE);
      stream.resume();
    });
    parser.on('error', () => resolve(null));
    parser.on('close', () => resolve(parts));
    parser.end(body);
  });
}

/**
 * Whether React can decode these rows of a server-action reply (`encodeReply`): row 0 is JSON, and every `$`-string
 * in it is either a value (`$$…` an escaped string, `$D` a date, `$n` a BigInt, `$K` a FormData of the form's entries,
 * `$u` `$N` `$I` `$-` `$H`) or a reference to a row that exists, checked the same way. Streams, temporary and server
 * references are never arguments of ours. A reference to a missing row makes React wait for it and fail when the body
 * ends: the 500 this replaces.
 */
function isDecodableReply(rows) {
  const seen = new Set();
  const row = (id, depth) => {
    if (seen.has(id)) return true;
    seen.add(id);
    if (typeof rows.get(id) !== 'string') return false;
    try {
      return value(JSON.parse(rows.get(id)), depth);
    } catch {
      return false;
    }
  };
  // React also counts the slots of nested arrays and the strings in them (arraySizeLimit) and throws past a million
  // when an array holds more than one item; an object starts a new count.
  const value = (item, depth, arrays = null) => {
    if (depth > MAX_REPLY_DEPTH) return false;
    if (typeof item === 'string') {
      if (arrays) arrays.count += item.length;
      return !(arrays?.fork && arrays.count > REPLY_ARRAY_LIMIT) && text(item, depth);
    }
    if (Array.isArray(item)) {
      const count = arrays ?? { count: 0, fork: false };
      count.fork ||= item.length > 1;
      count.count += item.length + 1;
      return !(count.fork && count.count > REPLY_ARRAY_LIMIT) && item.every((child) => value(child, depth + 1, count));
    }
    if (item && typeof item === 'object') return Object.values(item).every((child) => value(child, depth + 1));
    return true;
  };
  const idOf = (hex) => String(parseInt(hex, 16));
  const text = (item, depth) => {
    if (item[0] !== '$') return true;
    const tag = item[1] ?? '';
    if (tag === 'n') return /^-?\d{1,300}$/.test(item.slice(2));
    if (tag && '$DKuNI-H'.includes(tag)) return true;
    if (tag && 'TRrXxh'.includes(tag)) return false;
    if (tag && 'BAOoUSsLlGgMmV'.includes(tag)) return rows.get(idOf(item.slice(2))) === FILE;
    const reference = tag && '@QWi'.includes(tag) ? item.slice(2) : item.slice(1).split(':')[0];
    return /^[0-9a-f]+$/i.test(reference) && row(idOf(reference), depth + 1);
  };
  return row('0', 0);
}

/** Whether Next will be able to decode the body of a possible server action (see isDecodableReply). */
async function isDecodable(req, body) {
  const type = req.headers['content-type'] ?? '';
  const isFetchAction = Boolean(req.headers['next-action']);
  if (/^multipart\/form-data/i.test(type)) {
    const parts = await multipartParts(req.headers, body);
    // A form posted without Next-Action (a page's <form action>) is decoded by Next from its $ACTION fields.
    return parts !== null && (!isFetchAction || isDecodableReply(parts));
  }
  return isDecodableReply(new Map([['0', body.toString('utf8')]]));
}

/**
 * How much of a refused body is still read (and dropped) after the answer, and for how long, before the connection
 * closes. Closing a connection the client is still sending on makes the kernel reset it, and the reset destroys the
 * answer in a client that reads only after sending (or whose write fails first): the 413 would arrive as ECONNRESET.
 */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
export const DRAIN_TIMEOUT_MS = 30_000;

const chunkLength = (chunk, encoding) => (typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length);

/**
 * Answers at once a request whose body may still be arriving: the whole answer goes out (Content-Length, Connection:
 * close), but the response ends, and with it the connection, only when the body has been read to its end and dropped,
 * or after `drain.limit` bytes or `drain.timeoutMs`, whichever comes first. The body arrives through the parser's
 * push(), which is wrapped here: returning true keeps the socket reading, nothing is buffered.
 */
function refuseWhileDraining(req, res, status, message, drain) {
  const body = Buffer.from(message);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store', Connection: 'close' });
  res.write(body);
  if (req.complete) return void res.end();
  const push = req.push;
  let drained = 0;
  const finish = () => {
    if (res.writableEnded) return;
    clearTimeout(timer);
    req.push = push;
    res.end();
  };
  const timer = setTimeout(finish, drain.timeoutMs);
  res.once('close', () => clearTimeout(timer));
  req.push = (chunk, encoding) => {
    if (chunk === null) {
      finish();
      return push.call(req, null);
    }
    drained += chunkLength(chunk, encoding);
    if (drained <= drain.limit) return true;
    finish();
    return false;
  };
}

/**
 * Holds the body of a server-action request back from Next while it arrives, up to `limit`. At its end `onEnd(body,
 * release)` is called, and `release(body)` hands it to Next whole; the moment it passes the limit `onOverflow()` is
 * called instead and the rest is no longer held. The request object stays Node's own: the parser delivers body chunks
 * through its push(), which is wrapped here, so Next reads the same stream it would have read, only later.
 */
function holdBody(req, limit, { onEnd, onOverflow }) {
  const push = req.push;
  const chunks = [];
  let size = 0;
  req.push = (chunk, encoding) => {
    if (chunk === null) {
      req.push = push;
      onEnd(Buffer.concat(chunks), (body) => {
        if (body.length) push.call(req, body);
        push.call(req, null);
      });
      return false;
    }
    size += chunkLength(chunk, encoding);
    if (size > limit) {
      // Refused from here on: nothing more is held, refuseWhileDraining takes the parser's push over.
      req.push = push;
      onOverflow();
      return true;
    }
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    return true;
  };
}

/**
 * Refuses what Next would answer with a 500 (see the top of this file), or passes the request on to `next`. A
 * cross-site Origin and a body declared or found over the limit are answered at once while the body drains; a body
 * Next could not decode is answered after it was read whole.
 */
function guardServerAction(req, res, next, { limit, drain }) {
  if (!hasSameOriginOrNone(req)) return refuseWhileDraining(req, res, 403, '请求来源不被允许', drain);
  if (Number(req.headers['content-length'] ?? 0) > limit) return refuseWhileDraining(req, res, 413, '提交的内容过大', drain);
  holdBody(req, limit, {
    onOverflow: () => refuseWhileDraining(req, res, 413, '提交的内容过大', drain),
    onEnd: (body, release) =>
      void isDecodable(req, body).then((ok) => {
        if (!ok) return refuse(res, 400, '请求格式不正确');
        next();
        release(body);
      }),
  });
}

/**
 * The request listener: the edge's checks, then `next(req, res)` (Next, or in tests a stand-in that reads the body as
 * Next does). `actionBodyLimit`, `drainLimit` and `drainTimeoutMs` are for tests; the server uses the constants above.
 */
export function edgeHandler({ trustProxy, actionBodyLimit = ACTION_BODY_LIMIT_BYTES, drainLimit = DRAIN_LIMIT_BYTES, drainTimeoutMs = DRAIN_TIMEOUT_MS }, next) {
  const drain = { limit: drainLimit, timeoutMs: drainTimeoutMs };
  return (req, res) => {
    sanitiseHeaders(req, { trustProxy });
    if (!hasDecodablePath(req.url)) return refuse(res, 400, 'Bad Request');
    req.url = cleanRequestUrl(req.url);
    dropUnusableCallbackCookies(req, res);
    if (isHttpsRequest(req, { trustProxy })) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    if (isPossibleServerAction(req)) guardServerAction(req, res, () => next(req, res), { limit: actionBodyLimit, drain });
    else next(req, res);
  };
}
