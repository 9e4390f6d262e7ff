// What proxy.ts checks before Next handles a request, as plain functions of the request (unit-tested without a server).
// In production nginx stands in front (deploy/nginx.conf): it sets X-Forwarded-For to the client's address, refuses a
// body over 6 MB with 413 and reads it to its end (lingering close) so the client reads the answer. What only the app
// can know is here:
// - the URL: percent-encoded NUL and bidi controls are removed from the path and query (PostgreSQL refuses NUL in
//   text; bidi controls disguise what is shown), and a path with broken percent-encoding gets 400 (Next answered it
//   with a 500 in a dynamic segment);
// - forwarded headers: without TRUST_PROXY the host and protocol are the request's own, never a client's
//   X-Forwarded-Host / -Proto;
// - next-auth's callback-url cookie, plain or __Secure-: one that is not a path or URL of this site is removed from
//   the request and cleared in the browser (next-auth answered every /api/auth request with a 500 while it was there);
// - server actions: a cross-site Origin gets 403, a body declared or found over the limit 413, and a body React
//   cannot decode 400, where Next would answer each with a 500.
import busboy from 'busboy';

/** The Strict-Transport-Security header, sent when the trusted proxy says the request came over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

const UNSAFE_ENCODED = /%00|%E2%80%A[A-E]|%E2%81%A[6-9]/gi;

/** False for a path with broken percent-encoding (`/gallery/%E0%A4%A`). */
export function hasDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The path and query without NUL and bidi controls (again until none is left: `%E2%80%A%00E` hides one). */
export function cleanRequestTarget(target: string): string {
  let cleaned = target;
  let previous: string;
  do {
    previous = cleaned;
    cleaned = previous.replace(UNSAFE_ENCODED, '');
  } while (cleaned !== previous);
  return cleaned;
}

const firstValue = (value: string | null) => value?.split(',')[0]?.trim() || null;

/** The host the browser addressed: the trusted proxy's forwarded host, else the Host header. */
export function requestHost(headers: Headers, trustProxy: boolean): string | null {
  return (trustProxy ? firstValue(headers.get('x-forwarded-host')) : null) || headers.get('host');
}

export const isHttpsRequest = (headers: Headers, trustProxy: boolean) => trustProxy && firstValue(headers.get('x-forwarded-proto')) === 'https';

/** next-auth's callback-url cookies: the plain one and the one it uses over HTTPS. */
export const CALLBACK_URL_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'] as const;
const CALLBACK_URL_MAX_LENGTH = 2000;

/**
 * Whether next-auth may be given this callback-url cookie value (decoded as Next decodes cookies; null when it cannot be):
 * short, no control characters or backslashes, and a path on this site or an http(s) URL of this host.
 */
export function isUsableCallbackCookie(value: string | null, host: string | null): boolean {
  if (value === null || value.length > CALLBACK_URL_MAX_LENGTH || /[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && Boolean(host) && url.host === host;
  } catch {
    return false;
  }
}

/** A POST Next may treat as a server action: one with Next-Action (fetch), or a multipart form posted to a page. */
export function isPossibleServerAction(method: string, pathname: string, headers: Headers): boolean {
  if (method !== 'POST' || pathname.startsWith('/api/')) return false;
  return headers.has('next-action') || /^multipart\/form-data/i.test(headers.get('content-type') ?? '');
}

/** The same test as Next's: the Origin's host must be the request's host. A request without Origin passes, as in Next. */
export function hasSameOriginOrNone(headers: Headers, host: string | null): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  try {
    return Boolean(host) && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A file part of a multipart reply: only its presence matters to the decoder. */
export const FILE_PART = Symbol('file');
type TParts = Map<string, string | typeof FILE_PART>;

/** Deeper than any argument of ours; React's decoder recurses per level and overflows the stack on a few thousand. */
const MAX_REPLY_DEPTH = 64;
const REPLY_ARRAY_LIMIT = 1_000_000;

/**
 * Whether React can decode these rows of a server-action reply (`encodeReply`): row 0 is JSON, and every `$`-string
 * in it is either a value (`$$…` an escaped string, `$D` a date, `$n` a BigInt, `$K` a FormData of the form's entries,
 * `$u` `$N` `$I` `$-` `$H`) or a reference to a row that exists, checked the same way. Streams, temporary and server
 * references are never arguments of ours. A reference to a missing row makes React wait for it and fail when the body
 * ends: the 500 this replaces.
 */
export function isDecodableReply(rows: TParts): boolean {
  const seen = new Set<string>();
  type TCount = { count: number; fork: boolean };
  const row = (id: string, depth: number): boolean => {
    if (seen.has(id)) return true;
    seen.add(id);
    const text = rows.get(id);
    if (typeof text !== 'string') return false;
    try {
      return value(JSON.parse(text), depth);
    } catch {
      return false;
    }
  };
  // React also counts the slots of nested arrays and the strings in them (arraySizeLimit) and throws past a million
  // when an array holds more than one item; an object starts a new count.
  const value = (item: unknown, depth: number, arrays: TCount | null = null): boolean => {
    if (depth > MAX_REPLY_DEPTH) return false;
    if (typeof item === 'string') {
      if (arrays) arrays.count += item.length;
      return !(arrays?.fork && arrays.count > REPLY_ARRAY_LIMIT) && reference(item, depth);
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
  const idOf = (hex: string) => String(parseInt(hex, 16));
  const reference = (item: string, depth: number): boolean => {
    if (item[0] !== '$') return true;
    const tag = item[1] ?? '';
    if (tag === 'n') return /^-?\d{1,300}$/.test(item.slice(2));
    if (tag && '$DKuNI-H'.includes(tag)) return true;
    if (tag && 'TRrXxh'.includes(tag)) return false;
    if (tag && 'BAOoUSsLlGgMmV'.includes(tag)) return rows.get(idOf(item.slice(2))) === FILE_PART;
    const target = tag && '@QWi'.includes(tag) ? item.slice(2) : item.slice(1).split(':')[0];
    return /^[0-9a-f]+$/i.test(target) && row(idOf(target), depth + 1);
  };
  return row('0', 0);
}

/** The parts of a multipart body as Next's own parser (busboy, compiled into Next) reads them; null if it cannot. */
function multipartParts(headers: Headers, body: Buffer): Promise<TParts | null> {
  return new Promise((resolve) => {
    const parts: TParts = new Map();
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: Object.fromEntries(headers), defParamCharset: 'utf8' });
    } catch {
      return resolve(null);
    }
    parser.on('field', (name, value) => parts.set(name, value));
    parser.on('file', (name, stream) => {
      parts.set(name, FILE_PART);
      stream.resume();
    });
    parser.on('error', () => resolve(null));
    parser.on('close', () => resolve(parts));
    parser.end(body);
  });
}

/**
 * Whether Next will be able to decode this server-action body: a multipart form (a page's <form action> without
 * Next-Action is decoded by Next from its $ACTION fields, so only its being a form Next's parser reads counts) or a reply.
 */
export async function isDecodableActionBody(headers: Headers, body: Buffer): Promise<boolean> {
  if (/^multipart\/form-data/i.test(headers.get('content-type') ?? '')) {
    const parts = await multipartParts(headers, body);
    return parts !== null && (!headers.has('next-action') || isDecodableReply(parts));
  }
  return isDecodableReply(new Map([['0', body.toString('utf8')]]));
}
