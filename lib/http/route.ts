import { NextRequest } from 'next/server';
import type { z } from 'zod';
import { ZodError } from 'zod';
import { requireAnyRole, requireUser } from '@/lib/auth/guard';
import type { TSessionUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { cleanInput, cleanSearchParams } from '@/lib/http/clean';
import { INVALID_REQUEST_MESSAGE, refusalOf } from '@/lib/http/errors';
import { isSameOrigin } from '@/lib/http/request';
import { jsonReply, textRefusal } from '@/lib/http/response';
import { log } from '@/lib/log';

/** Who may call: anyone (the handler may still look for a session), any signed-in user, or holders of one of the roles. */
type TAccess = 'public' | 'user' | readonly Role[];

type TRouteOptions<Q extends z.ZodType | undefined, S extends z.ZodType | undefined> = {
  access: TAccess;
  /** The search parameters, parsed (after cleaning); without it the handler gets the cleaned URLSearchParams. */
  query?: Q;
  /** The dynamic segments, parsed (after cleaning); without it the handler gets them cleaned as they came. */
  params?: S;
  /** For state-changing requests from our own pages: a cross-site Origin (or none) is refused with 403. */
  sameOrigin?: boolean;
  /** Downloads are opened by links, so their refusals are plain text; everything else answers JSON. */
  refusals?: 'json' | 'text';
};

type TParams = Record<string, string | string[]>;

type TParsed<T extends z.ZodType | undefined, Otherwise> = T extends z.ZodType ? z.output<T> : Otherwise;

export type TRouteContext<Q extends z.ZodType | undefined, S extends z.ZodType | undefined, U> = {
  request: Request;
  params: TParsed<S, TParams>;
  query: TParsed<Q, URLSearchParams>;
  user: U;
};

/** What Next calls; it passes the route's own segments (e.g. `{ id: string }`), which are TParams. */
type TRouteHandler = (request: Request, segment?: { params: Promise<TParams> }) => Promise<Response>;

const FAULT_MESSAGE = '服务器暂时无法处理该请求，请稍后重试';
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** The first message of a zod failure when it was written for people; zod's own English defaults are not shown. */
function zodMessage(error: ZodError): string {
  const message = error.issues[0]?.message ?? '';
  return hasChinese(message) ? message : INVALID_REQUEST_MESSAGE;
}

async function authenticate(access: TAccess): Promise<TSessionUser | null> {
  if (access === 'public') return null;
  if (access === 'user') return requireUser();
  return requireAnyRole([...access]);
}

/**
 * The boundary of every route handler: cleans the dynamic segments and search parameters (NUL and bidi controls),
 * checks the Origin when asked, authenticates against the database, parses the query with zod, runs the handler and
 * turns every expected error (AppError, ZodError, a value PostgreSQL cannot take) into a 4xx with a Chinese message.
 * What is left is a fault of ours: logged, and answered 500 without details.
 *
 *   export const GET = route({ access: ['ORG_ADMIN'], query: ZQuery, refusals: 'text' }, async ({ user, query }) => …);
 */
export function route<Q extends z.ZodType | undefined = undefined, S extends z.ZodType | undefined = undefined>(
  options: TRouteOptions<Q, S> & { access: 'public' },
  handler: (context: TRouteContext<Q, S, null>) => Promise<Response>,
): TRouteHandler;
export function route<Q extends z.ZodType | undefined = undefined, S extends z.ZodType | undefined = undefined>(
  options: TRouteOptions<Q, S> & { access: 'user' | readonly Role[] },
  handler: (context: TRouteContext<Q, S, TSessionUser>) => Promise<Response>,
): TRouteHandler;
export function route<Q extends z.ZodType | undefined, S extends z.ZodType | undefined>(
  options: TRouteOptions<Q, S>,
  // `never`: each overload narrows the user; the one value passed below satisfies the overload that was chosen.
  handler: (context: TRouteContext<Q, S, never>) => Promise<Response>,
): TRouteHandler {
  const refuse = (status: number, message: string, extra: object = {}) =>
    options.refusals === 'text' ? textRefusal(status, message) : jsonReply(status, { message, ...extra });

  return async (request, segment) => {
    try {
      if (options.sameOrigin && !isSameOrigin(request.headers)) return refuse(403, '请求来源不被允许');
      const segments = cleanInput((await segment?.params) ?? {});
      const user = await authenticate(options.access);
      const search = cleanSearchParams(new URL(request.url).searchParams);
      const params = options.params ? options.params.parse(segments) : segments;
      const query = options.query ? options.query.parse(Object.fromEntries(search)) : search;
      type TContext = TRouteContext<Q, S, never>;
      return await handler({ request, params: params as TContext['params'], query: query as TContext['query'], user: user as never });
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) {
        log.error('接口处理出错', { route: new URL(request.url).pathname, method: request.method, error });
        return refuse(500, FAULT_MESSAGE);
      }
      const message = error instanceof ZodError ? zodMessage(error) : refusal.message;
      return refuse(refusal.status, message, { code: refusal.code, ...(refusal.fieldErrors && { fieldErrors: refusal.fieldErrors }) });
    }
  };
}

/** The JSON body of a request, cleaned; a body that is not JSON is refused as invalid input. */
export async function readJson(request: Request): Promise<unknown> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('INVALID_INPUT', '请求格式不正确');
  }
  return cleanInput(body);
}

/**
 * The request with its search parameters and its JSON or form-encoded body cleaned, for a handler from a library that
 * reads the request itself (next-auth). Other bodies pass unchanged.
 */
export async function cleanRequest(request: Request): Promise<NextRequest> {
  const url = new URL(request.url);
  url.search = cleanSearchParams(url.searchParams).toString();
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  const type = headers.get('content-type') ?? '';
  let body: BodyInit | undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    if (type.includes('application/json')) body = JSON.stringify(await readJson(request));
    else if (type.includes('application/x-www-form-urlencoded')) body = cleanSearchParams(new URLSearchParams(await request.text())).toString();
    else body = await request.arrayBuffer();
  }
  return new NextRequest(url, { method: request.method, headers, body });
}
