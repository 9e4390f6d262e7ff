/** Longer than any path of ours; a callback URL beyond it is not one we sent. */
export const CALLBACK_URL_MAX_LENGTH = 2000;

const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * next-auth's `redirect` callback: where to send someone after signing in or out, from the callbackUrl of the form,
 * the query or next-auth's callback-url cookie. Only a place on this site: a path (`/login`), or an http(s) URL whose
 * origin is `baseUrl`. Anything else (another site, `//host`, `javascript:`, a reference without the leading slash,
 * control characters, backslashes, an overlong value) leads to `baseUrl`. It never throws: next-auth's own default
 * throws on text that is not a URL, which answered the request with a 500.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (typeof url !== 'string' || url.length > CALLBACK_URL_MAX_LENGTH || CONTROL_OR_BACKSLASH.test(url)) return baseUrl;
  try {
    const target = url.startsWith('/') ? new URL(url, baseUrl) : new URL(url);
    return /^https?:$/.test(target.protocol) && target.origin === new URL(baseUrl).origin ? target.href : baseUrl;
  } catch {
    return baseUrl;
  }
}
