import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { baseURL } from '../../../playwright.config';
import { serverActions } from './app-manifest';

type TManifest = { node: Record<string, { filename: string; exportedName: string }> };

function readManifest(): TManifest {
  const manifestPath = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json');
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as TManifest;
}

/** The id Next gave a server action in this build, to POST it directly as an attacker would. */
export function serverActionId(filename: string, exportedName: string): string {
  const entry = Object.entries(readManifest().node).find(([, value]) => value.filename === filename && value.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${filename}#${exportedName} is not in the build`);
  return entry[0];
}

/** Every server action of this build, as `file#export`. */
export function serverActionKeys(): string[] {
  return [...new Set(Object.values(readManifest().node).map((value) => `${value.filename}#${value.exportedName}`))].sort();
}

/** A file part of a FormData argument. */
export type TFormFile = { name: string; mimeType: string; buffer: Buffer };
/** A FormData argument (the action's only one), as its fields. */
export type TFormArgument = { form: Record<string, string | TFormFile> };

/** React's encoding of server action arguments (encodeReply) for the values our actions take: '$' escaped, dates tagged. */
function encodeValue(value: unknown): unknown {
  if (value === undefined) return '$undefined';
  if (value instanceof Date) return `$D${value.toJSON()}`;
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeValue(item)]));
  return value;
}

/** What an action answered: its typed result, or the HTTP status when Next itself refused the request. */
export type TActionOutcome = { status: number; result: { ok: boolean; code?: string; message?: string } | null; body: string };

/** The action's own return value out of the RSC payload: row 0 names the row (`$@n`) that holds it. */
function actionResultOf(body: string): TActionOutcome['result'] {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  try {
    const head = JSON.parse(rows.get('0') ?? 'null') as { a?: string } | null;
    const ref = typeof head?.a === 'string' && head.a.startsWith('$@') ? head.a.slice(2) : null;
    const raw = ref ? rows.get(ref) : undefined;
    return raw ? (JSON.parse(raw) as TActionOutcome['result']) : null;
  } catch {
    return null;
  }
}

/**
 * encodeReply's body for one FormData argument: its fields as `_1_<name>`, then the argument list `["$K1"]` as field 0
 * (last: the server reads a FormData argument's fields from where it stands up to the next field of another prefix).
 */
function formReply(fields: TFormArgument['form']): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(`_1_${name}`, value);
    else form.append(`_1_${name}`, new File([new Uint8Array(value.buffer)], value.name, { type: value.mimeType }));
  }
  form.append('0', '["$K1"]');
  return form;
}

/** POSTs a server action as the browser's fetch would (same origin), with the session of `request`. */
export async function callServerAction(request: APIRequestContext, key: string, args: unknown[] | TFormArgument): Promise<TActionOutcome> {
  const [filename, exportedName] = key.split('#');
  const action = serverActions().find((item) => item.filename === filename && item.exportedName === exportedName);
  if (!action) throw new Error(`server action ${key} is not in the build`);
  // Posted to a page that imports it, as the browser does: Next looks the action up in that page's worker.
  const headers = { 'Next-Action': action.id, Origin: baseURL, Accept: 'text/x-component' };
  const response =
    'form' in args
      ? await request.post(action.page, { headers, multipart: formReply(args.form), maxRedirects: 0 })
      : await request.post(action.page, { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: JSON.stringify(encodeValue(args)), maxRedirects: 0 });
  const body = await response.text();
  return { status: response.status(), result: response.ok() ? actionResultOf(body) : null, body };
}
