import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { expect, test } from './support/test';
import { baseURL } from '../../playwright.config';
import { ACTION_MATRIX, MATRIX_ROLES, ROLE_ACCOUNTS, ROUTE_MATRIX, type TMatrixRole } from './support/authorization-matrix';
import { createAuthorizationWorld, databaseFingerprint, retireAuthorizationWorld, type TAuthorizationWorld } from './support/authorization-world';
import { callServerAction, serverActionKeys } from './support/server-actions';
import { SignInPage } from './support/session';

// The role × action matrix (support/authorization-matrix.ts) against the production build: every server action of the
// build and every route handler under app/api, called as each demo role. Refused = the typed refusal (or 401/403/404)
// and nothing changed in the database; allowed = not refused for who the caller is.

const REFUSAL_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'PASSWORD_CHANGE_REQUIRED'];
const REFUSAL_STATUSES = [401, 403, 404];

type TOutcome = { kind: 'refused' | 'passed' | 'error'; label: string };

/** Route handlers of a normal build: route.{ts,tsx,js} (the route.bench.ts files exist only in the benchmark build). */
function routeHandlerKeys(): string[] {
  const files = readdirSync('app/api', { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)route\.(ts|tsx|js)$/.test(file))
    .map((file) => path.posix.join('app/api', file.split(path.sep).join('/')));
  return files
    .flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const methods = new Set<string>();
      for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(match[1]);
      for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const name of match[1].matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*$/gm)) methods.add(name[1] ?? name[2]);
      }
      return [...methods].map((method) => `${file}#${method}`);
    })
    .sort();
}

test('every server action and route handler has a row in the matrix', () => {
  const actions = serverActionKeys();
  expect(actions.length, 'the build lists its server actions').toBeGreaterThan(0);
  expect(actions.filter((key) => !(key in ACTION_MATRIX)), 'server actions without a row in support/authorization-matrix.ts').toEqual([]);
  expect(Object.keys(ACTION_MATRIX).filter((key) => !actions.includes(key)), 'rows for server actions the build does not have').toEqual([]);

  const routes = routeHandlerKeys();
  expect(routes.length, 'app/api has route handlers').toBeGreaterThan(0);
  expect(routes.filter((key) => !(key in ROUTE_MATRIX)), 'route handlers without a row in support/authorization-matrix.ts').toEqual([]);
  expect(Object.keys(ROUTE_MATRIX).filter((key) => !routes.includes(key)), 'rows for route handlers that do not exist').toEqual([]);
});

test.describe('role × action', () => {
  let world: TAuthorizationWorld;
  const contexts: BrowserContext[] = [];
  const sessions = {} as Record<TMatrixRole, APIRequestContext>;

  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    world = await createAuthorizationWorld(tag);
    for (const role of MATRIX_ROLES) {
      const context = await browser.newContext();
      contexts.push(context);
      const login = ROLE_ACCOUNTS[role];
      if (login) {
        const page = await context.newPage();
        const signIn = new SignInPage(page);
        await signIn.open();
        await signIn.signIn(login);
        await expect(page).not.toHaveURL(/\/login/);
        await page.close();
      }
      sessions[role] = context.request;
    }
  });

  test.afterAll(async () => {
    for (const context of contexts) await context.close();
    await retireAuthorizationWorld(tag);
  });

  /**
   * Calls the row as every refused role (the database must not change), then as every allowed role. An answer that is
   * neither a typed result nor a 4xx (a crash, a framework error page) fails either way.
   */
  async function checkRow(allowed: readonly TMatrixRole[], call: (role: TMatrixRole) => Promise<TOutcome>) {
    const cells: string[] = [];
    const refusedRoles = MATRIX_ROLES.filter((role) => !allowed.includes(role));
    const before = await databaseFingerprint();
    // Each cell's answer is kept on the test (the JSON report shows the whole matrix).
    const note = (role: TMatrixRole, outcome: TOutcome) => test.info().annotations.push({ type: role, description: outcome.label });
    for (const role of refusedRoles) {
      const outcome = await call(role);
      note(role, outcome);
      if (outcome.kind !== 'refused') cells.push(`${role}: expected a refusal, got ${outcome.label}`);
    }
    const after = await databaseFingerprint();
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    if (changed.length) cells.push(`refused calls changed tables: ${changed.join(', ')}`);
    for (const role of allowed) {
      const outcome = await call(role);
      note(role, outcome);
      if (outcome.kind !== 'passed') cells.push(`${role}: expected to be let through, got ${outcome.label}`);
    }
    expect(cells).toEqual([]);
  }

  for (const [key, row] of Object.entries(ACTION_MATRIX)) {
    test(`action ${key}`, async () => {
      await checkRow(row.allowed, async (role) => {
        const { status, result, body } = await callServerAction(sessions[role], key, await row.args(world));
        if (!result) return { kind: 'error', label: `HTTP ${status} ${body.slice(0, 200)}` };
        const label = result.ok ? 'ok' : `${result.code}: ${result.message}`;
        return { kind: !result.ok && REFUSAL_CODES.includes(result.code ?? '') ? 'refused' : 'passed', label };
      });
    });
  }

  for (const [key, row] of Object.entries(ROUTE_MATRIX)) {
    const method = key.split('#')[1];
    test(`route ${key}`, async () => {
      await checkRow(row.allowed, async (role) => {
        const request = await row.request(world);
        const options = {
          headers: { Origin: baseURL },
          ...(request.json !== undefined ? { data: request.json } : {}),
          ...(request.multipart ? { multipart: request.multipart } : {}),
          maxRedirects: 0,
        };
        const response = method === 'GET' ? await sessions[role].get(request.path, options) : await sessions[role].post(request.path, options);
        const status = response.status();
        const label = `HTTP ${status}`;
        if (status >= 500) return { kind: 'error', label: `${label} ${(await response.text()).slice(0, 200)}` };
        return { kind: REFUSAL_STATUSES.includes(status) ? 'refused' : 'passed', label };
      });
    });
  }
});
