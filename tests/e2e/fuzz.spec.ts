import type { APIRequestContext, APIResponse, Browser } from '@playwright/test';
import { db } from '@/lib/db';
import { UNEXPECTED_FAILURE_MESSAGE } from '@/lib/http/action';
import { baseURL } from '../../playwright.config';
import { appPaths, fillSegments, sampleIds, serverActions } from './support/app-manifest';
import { signInAs } from './support/session';
import { expect, test } from './support/test';

// Every server action of the build (from its manifest) and every route handler, posted garbage as an attacker would:
// random strings with NUL and bidi controls, 1 MB strings, wrong types, deep nesting, malformed references. Each answer
// is a 4xx or a typed refusal (never a 5xx, never a Flight error row), and no table holding the app's data changes.

/**
 * Tables that record traffic by design: sign-in failures and sessions, challenges, refusals in the audit log; and those
 * the server's job worker writes on its own clock (stage notices, reminders, queued and sent SMS).
 */
const TRAFFIC_TABLES = new Set(['login_attempts', 'user_sessions', 'captcha_challenges', 'audit_logs', '_app_migrations', 'notifications', 'scheduled_reminders', 'sms_outbox', 'sms_messages']);
/** Columns of the sign-in throttle, which counts failed attempts on the account. */
const TRAFFIC_COLUMNS: Record<string, string[]> = { users: ['failed_login_count', 'last_failed_login_at', 'locked_until', 'last_login_at', 'updated_at'] };

/** A checksum of every row of every app table (all columns but the throttle's), by table. */
async function databaseChecksum(): Promise<Record<string, string>> {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`;
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if (TRAFFIC_TABLES.has(table) || TRAFFIC_COLUMNS[table]?.includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
  }
  const sums: Record<string, string> = {};
  for (const [table, names] of byTable) {
    const [{ sum }] = await db.$queryRawUnsafe<{ sum: string }[]>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(row_text, ',' ORDER BY row_text)), '') AS sum FROM (SELECT ROW(${names.join(', ')})::text AS row_text FROM "${table}") rows`,
    );
    sums[table] = sum;
  }
  return sums;
}

/** mulberry32: the same garbage on every run, so a failure can be replayed. */
function randomSource(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['\u0000', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', 'a', 'Z', '0', '9', '党', '建', ' ', '\n', "'", '"', '<', '>', '%', '\\', '/', '.', '-', '=', '@', '😀', '\ufeff', '\u200b'];

function garbageString(random: () => number, maxLength = 40): string {
  return Array.from({ length: 1 + Math.floor(random() * maxLength) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
}

/** React's reply format reads a string starting with `$` as a reference; a plain string escapes it as `$$`. */
const escapeDollar = (value: unknown): unknown =>
  typeof value === 'string' ? (value.startsWith('$') ? `$${value}` : value) : Array.isArray(value) ? value.map(escapeDollar) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeDollar(item)])) : value;

const FIELDS = ['id', 'campaignId', 'applicationId', 'organizationId', 'userId', 'parentId', 'assignmentId', 'decisionId', 'objectionId', 'panelId', 'name', 'phone', 'code', 'captchaId', 'captchaAnswer', 'values', 'revision', 'note', 'reason', 'items', 'fileIds', 'title', 'kind', 'publish', 'password', 'newPassword', 'currentPassword'];
/** About 1 MB, with NUL and a bidi control in the middle. */
const MEGABYTE = `${'x'.repeat(500_000)}\u0000\u202E${'党'.repeat(170_000)}`;

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

/** The argument lists one action is called with: wrong types, garbage in every field name the app uses, 1 MB, deep nesting. */
function argumentLists(random: () => number): string[] {
  const garbageObject = () => Object.fromEntries(FIELDS.map((field) => [field, garbageString(random)]));
  const wrongTypes = () => Object.fromEntries(FIELDS.map((field, index) => [field, [42, -1.5, true, null, [], {}, [garbageString(random)], { x: garbageString(random) }][index % 8]]));
  const lists: unknown[][] = [
    [],
    [null],
    [garbageString(random)],
    [garbageObject()],
    [wrongTypes()],
    [garbageString(random), garbageObject(), true],
    [{ ...garbageObject(), name: MEGABYTE }],
    [nested(60, garbageObject())],
    [{ [`__proto__`]: { isAdmin: true }, constructor: { prototype: { polluted: true } }, ...garbageObject() }],
  ];
  const encoded = lists.map((list) => JSON.stringify(escapeDollar(list)));
  // References React resolves itself: missing rows, a missing FormData, a bogus BigInt and date, deep raw nesting.
  return [...encoded, '["$K9"]', '["$@7"]', '[{"a":"$Q3"}]', '["$n1x", "$Dnot a date", "$undefined"]', '['.repeat(5000) + ']'.repeat(5000)];
}

/** A row of the Flight answer carrying a server error; Next's own control flow (notFound, redirect) has NEXT_ digests. */
const FLIGHT_ERROR_ROW = /(^|\n)[0-9a-f]+:E\{"digest":"(?!NEXT_)/;

type TOutcome = { status: number; body: string };


function problemOf(outcome: TOutcome): string | null {
  if (outcome.status >= 500) return `status ${outcome.status}`;
  if (FLIGHT_ERROR_ROW.test(outcome.body)) return 'Flight error row';
  // A 200 is the action's typed result; refusals before the action (400/403/404/413) carry no result.
  if (outcome.status === 200 && !/"ok":(true|false)/.test(outcome.body)) return 'no typed result';
  // runAction's answer to an error it did not expect (a wrong type reaching code that assumed the declared one).
  if (outcome.body.includes(UNEXPECTED_FAILURE_MESSAGE)) return 'unexpected error behind a generic refusal';
  return null;
}

/**
 * Runs `send` for every item, at most `width` at a time. The garbage is drawn from the seeded source before anything is
 * sent, so the requests are the same on every run whatever order the answers come back in.
 */
async function inParallel<T>(items: T[], width: number, send: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await send(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** Requests in flight at once: the server answers them concurrently, as it does real traffic. */
const PARALLEL_REQUESTS = 8;

async function fuzzActions(request: APIRequestContext, label: string, seed: number) {
  const random = randomSource(seed);
  const problems: string[] = [];
  const actions = serverActions();
  type TCall = { action: (typeof actions)[number]; variant: string; send: () => Promise<APIResponse> };
  const calls: TCall[] = [];
  for (const action of actions) {
    const headers = { 'Next-Action': action.id, Origin: baseURL, Accept: 'text/x-component' };
    for (const [index, body] of argumentLists(random).entries()) {
      calls.push({ action, variant: `json#${index}`, send: () => request.post(action.page, { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: body, maxRedirects: 0 }) });
    }
    // A FormData argument (as the objection and import forms send it), with a file whose name hides its type.
    const multipart = {
      '0': '["$K1"]',
      '1_campaignId': garbageString(random),
      '1_name': `王\u202E${garbageString(random)}\u0000`,
      '1_attachments': { name: '报告\u202Efdp.exe', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n\u0000garbage') },
      '1_file': { name: 'a\u0000.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004garbage') },
    };
    calls.push({ action, variant: 'multipart', send: () => request.post(action.page, { headers, maxRedirects: 0, multipart }) });
  }
  await inParallel(calls, PARALLEL_REQUESTS, async ({ action, variant, send }) => {
    const response = await send();
    const problem = problemOf({ status: response.status(), body: await response.text() });
    if (problem) problems.push(`${label} ${action.filename}#${action.exportedName} ${variant}: ${problem}`);
  });
  expect(problems.sort()).toEqual([]);
  return actions.length;
}

async function fuzzRoutes(request: APIRequestContext, label: string, seed: number) {
  const random = randomSource(seed);
  const ids = await sampleIds();
  const problems: string[] = [];
  const { routes } = appPaths();
  type TBody = { headers: Record<string, string>; data?: string; multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> };
  const calls: { route: string; url: string; method: 'GET' | 'POST'; body: TBody }[] = [];
  for (const route of routes) {
    for (let round = 0; round < 3; round++) {
      const url = `${fillSegments(route, { ...ids, ...Object.fromEntries(Object.keys(ids).map((key) => [key, garbageString(random, 80)])) })}?${new URLSearchParams(FIELDS.slice(0, 12).map((field) => [field, garbageString(random)])).toString()}`;
      const bodies: TBody[] = [
        { headers: { 'Content-Type': 'application/json' }, data: JSON.stringify({ applicationId: garbageString(random), idempotencyKey: MEGABYTE }) },
        { headers: { 'Content-Type': 'application/json' }, data: JSON.stringify(nested(200, garbageString(random))) },
        { headers: { 'Content-Type': 'application/json' }, data: `{"applicationId":${garbageString(random)}` },
        { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: new URLSearchParams(FIELDS.map((field) => [field, garbageString(random)])).toString() },
        { headers: {}, multipart: { slot: garbageString(random), file: { name: `照片\u202Egpj.png`, mimeType: 'image/png', buffer: Buffer.from(garbageString(random)) } } },
      ];
      for (const method of ['GET', 'POST'] as const) {
        for (const body of method === 'GET' ? [{ headers: {} }] : bodies) calls.push({ route, url, method, body });
      }
    }
  }
  await inParallel(calls, PARALLEL_REQUESTS, async ({ route, url, method, body }) => {
    const response = await request.fetch(url, { method, headers: { Origin: baseURL, ...body.headers }, data: body.data, multipart: body.multipart, maxRedirects: 0 });
    if (response.status() >= 500) problems.push(`${label} ${method} ${route} → ${response.status()}`);
  });
  expect(problems.sort()).toEqual([]);
  return routes.length;
}

/** A request context signed in as `loginName` (a browser context of its own), or signed out. */
async function requestAs(browser: Browser, loginName: string | null, landing: RegExp) {
  const context = await browser.newContext();
  if (!loginName) return { request: context.request, close: () => context.close() };
  const page = await context.newPage();
  await signInAs(page, loginName, landing);
  return { request: page.request, close: () => context.close() };
}

test.describe('fuzz: every server action and route input', () => {
  test.describe.configure({ timeout: 600_000 });
  let started: Date;
  test.beforeAll(() => {
    started = new Date();
  });
  // Undo what the fuzz may leave on the shared address and accounts (challenges, failed sign-ins), so the specs after
  // it are not throttled: the same records any refused traffic leaves.
  test.afterAll(async () => {
    await db.captchaChallenge.deleteMany({ where: { createdAt: { gte: started } } });
    await db.loginAttempt.deleteMany({ where: { createdAt: { gte: started } } });
    await db.user.updateMany({ where: { lastFailedLoginAt: { gte: started } }, data: { failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null } });
  });

  const SESSIONS: [string | null, RegExp][] = [
    [null, /./],
    ['admin', /\/admin$/],
    ['sec-xfl', /\/declare$/],
    ['dh-admin', /\/committee$/],
    ['expert1', /\/review$/],
  ];

  for (const [index, [loginName, landing]] of SESSIONS.entries()) {
    test(`server actions answer garbage with a refusal and change nothing (${loginName ?? '未登录'})`, async ({ browser }) => {
      const { request, close } = await requestAs(browser, loginName, landing);
      const before = await databaseChecksum();
      expect(await fuzzActions(request, loginName ?? '未登录', 1000 + index)).toBeGreaterThan(60);
      expect(await databaseChecksum()).toEqual(before);
      await close();
    });
  }

  for (const [index, [loginName, landing]] of [SESSIONS[0], SESSIONS[1]].entries()) {
    test(`route handlers answer garbage below 500 and change nothing (${loginName ?? '未登录'})`, async ({ browser }) => {
      const { request, close } = await requestAs(browser, loginName, landing);
      const before = await databaseChecksum();
      expect(await fuzzRoutes(request, loginName ?? '未登录', 2000 + index)).toBeGreaterThan(15);
      expect(await databaseChecksum()).toEqual(before);
      await close();
    });
  }
});
