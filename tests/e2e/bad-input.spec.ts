import type { APIRequestContext } from '@playwright/test';
import { db } from '@/lib/db';
import { baseURL } from '../../playwright.config';
import { appPaths, fillSegments, sampleIds } from './support/app-manifest';
import { signInAs } from './support/session';
import { expect, test } from './support/test';

// A NUL byte (%00) in a search parameter or an id once reached PostgreSQL (error 22021) and came back as a 500 from
// lists, exports, the audit log, files and PDFs. Every page and route of the build, with every dynamic segment and
// every filter parameter the app reads carrying NUL and a bidi control, must answer below 500.

const DIRTY = '%00%E2%80%AE';
const PARAMS = [
  'q', 'page', 'actor', 'action', 'entity', 'from', 'to', 'status', 'campaign', 'campaignId', 'org', 'field', 'region',
  'year', 'award', 'phone', 'code', 'no', 'next', 'view', 'version', 'step', 'entry', 'saved', 'created', 'changed',
  'kind', 'format', 'decision', 'variant', 'round', 'callbackUrl', 'error',
];
const query = `?${PARAMS.map((name) => `${name}=x${DIRTY}`).join('&')}`;

async function sweep(request: APIRequestContext, label: string) {
  const ids = await sampleIds();
  const { pages, routes } = appPaths();
  const failures: string[] = [];
  const check = async (method: 'GET' | 'POST', url: string) => {
    const response = await request.fetch(url, {
      method,
      maxRedirects: 0,
      headers: method === 'POST' ? { Origin: baseURL, 'Content-Type': 'application/json' } : {},
      data: method === 'POST' ? JSON.stringify({ applicationId: `x\u0000`, idempotencyKey: '\u202Ek' }) : undefined,
    });
    if (response.status() >= 500) failures.push(`${label} ${method} ${url} → ${response.status()}`);
  };
  for (const page of pages) await check('GET', fillSegments(page, ids, DIRTY) + query);
  for (const route of routes) {
    // Only the two cheap public POSTs are sent a body here; the fuzz spec posts to every route.
    await check('GET', fillSegments(route, ids, DIRTY) + query);
    if (/^\/api\/(campaigns\/\[id\]\/votes|captcha)$/.test(route)) await check('POST', fillSegments(route, ids, DIRTY) + query);
  }
  expect(failures).toEqual([]);
  return pages.length + routes.length;
}

test.describe('NUL and bidi controls in ids and search parameters', () => {
  test.setTimeout(240_000);
  let started: Date;
  test.beforeAll(() => {
    started = new Date();
  });
  // The sweep's challenges do not count against the address the later specs solve captchas from.
  test.afterAll(async () => {
    await db.captchaChallenge.deleteMany({ where: { createdAt: { gte: started } } });
  });

  test('every page and route answers below 500, signed out', async ({ request }) => {
    expect(await sweep(request, '未登录')).toBeGreaterThan(60);
  });

  test('every page and route answers below 500, signed in as the 组织部 admin', async ({ page }) => {
    await signInAs(page, 'admin', /\/admin$/);
    await sweep(page.request, 'admin');
  });

  test('the cleaned values keep their meaning: a filter with NUL finds what it names, an id with NUL opens its record', async ({ page }) => {
    await signInAs(page, 'admin', /\/admin$/);
    await page.goto(`/admin/audit?actor=ad${DIRTY}min`);
    await expect(page.getByText('李组织（市委组织部）（admin）').first()).toBeVisible();
    const ids = await sampleIds();
    const pdf = await page.request.get(`/api/applications/${ids.applications}${DIRTY}/pdf`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
  });

  test('a sign-in with NUL in the name is an ordinary failure and names no database error', async ({ request }) => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken, identifier: 'nobody\u0000', password: 'x\u0000', json: 'true' },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    const body = await response.text();
    expect(body).not.toMatch(/prisma|22021|invalid byte sequence/i);
  });
});
