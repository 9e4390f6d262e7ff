// The request boundary (lib/http) on a real database: NUL and bidi controls in ids, search parameters and action
// inputs are cleaned before they reach PostgreSQL (NUL in text is error 22021, once a 500), and what is left of a bad
// request is a 4xx, never a thrown error.
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { GET as applicationPdf } from '@/app/api/applications/[id]/pdf/route';
import { GET as applicationsExport } from '@/app/api/applications/export/route';
import { GET as announcement } from '@/app/api/campaigns/[id]/announcement/route';
import { GET as qualificationExport } from '@/app/api/campaigns/[id]/qualification/export/route';
import { POST as vote } from '@/app/api/campaigns/[id]/votes/route';
import { POST as captcha } from '@/app/api/captcha/route';
import { GET as certificate } from '@/app/api/certificates/[no]/route';
import { GET as fileDownload } from '@/app/api/files/[id]/route';
import { POST as upload } from '@/app/api/files/route';
import { GET as health } from '@/app/api/health/route';
import { GET as importTemplate } from '@/app/api/import/template/route';
import { GET as recommendationSummary } from '@/app/api/recommendations/summary/route';
import { GET as reviewsExport } from '@/app/api/reviews/export/route';
import { GET as votesExport } from '@/app/api/votes/export/route';
import { similarNamesAction } from '@/lib/application/actions';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { cleanInput } from '@/lib/http/clean';
import { requestVoteCodeAction } from '@/lib/voting/public-actions';
import { openSession } from '../support/users';
import { createVotingScope } from '../support/voting';

// Route handlers and actions read the session cookie and the client address through next/headers.
const jar = vi.hoisted(() => ({ token: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers({ 'x-forwarded-for': '10.88.0.1' }),
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => undefined }));

async function signInAs(userId: string | null) {
  jar.token = userId ? await encode({ token: { sid: await openSession(userId) }, secret: authSecret() }) : null;
}

const NUL = '\u0000';
const RLO = '\u202E';
const BASE = 'http://localhost';
const segment = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe('route handlers: NUL and bidi controls in ids and search parameters', () => {
  it('answer every route with a 4xx or a 2xx, never an error, signed in as the organizer', async () => {
    const scope = await createVotingScope({ entries: 1, members: 0 });
    await signInAs(scope.cityAdmin.id);
    const id = scope.campaign.id;
    const dirty = (value: string) => `${value}${NUL}${RLO}`;
    const query = (params: Record<string, string>) => new URLSearchParams(Object.entries(params).map(([key, value]) => [key, dirty(value)])).toString();
    const sameSite = { Origin: BASE, Host: 'localhost', 'Content-Type': 'application/json' };
    const calls: [string, () => Promise<Response>][] = [
      ['application pdf', () => applicationPdf(new Request(`${BASE}/api/applications/x/pdf`), segment({ id: dirty(scope.entries[0].id) }))],
      ['applications export', () => applicationsExport(new Request(`${BASE}/api/applications/export?${query({ q: '党建', status: 'SUBMITTED', campaign: id, org: '街道', field: 'x' })}`))],
      ['announcement', () => announcement(new Request(`${BASE}/api/campaigns/x/announcement`), segment({ id: dirty(id) }))],
      ['qualification export', () => qualificationExport(new Request(`${BASE}/api/campaigns/x/qualification/export`), segment({ id: dirty(id) }))],
      ['vote', () => vote(new Request(`${BASE}/api/campaigns/x/votes`, { method: 'POST', headers: sameSite, body: JSON.stringify({ applicationId: dirty(scope.entries[0].id), idempotencyKey: dirty('k') }) }), segment({ id: dirty(id) }))],
      ['vote, body not JSON', () => vote(new Request(`${BASE}/api/campaigns/x/votes`, { method: 'POST', headers: sameSite, body: '{"applicationId":' }), segment({ id }))],
      ['captcha', () => captcha(new Request(`${BASE}/api/captcha?${query({ kind: 'text' })}`, { method: 'POST' }))],
      ['certificate', () => certificate(new Request(`${BASE}/api/certificates/x`), segment({ no: dirty('DJPP-2026-000001') }))],
      ['file', () => fileDownload(new Request(`${BASE}/api/files/x`), segment({ id: dirty('file') }))],
      ['file variant', () => fileDownload(new Request(`${BASE}/api/files/x?${query({ variant: 'thumb' })}`), segment({ id: 'file' }))],
      ['upload, no form', () => upload(new Request(`${BASE}/api/files`, { method: 'POST', headers: { ...sameSite, 'Content-Type': 'multipart/form-data; boundary=z' }, body: 'garbage' }))],
      ['health', () => health(new Request(`${BASE}/api/health?${query({ x: '1' })}`))],
      ['import template', () => importTemplate(new Request(`${BASE}/api/import/template?${query({ kind: 'users' })}`))],
      ['recommendation summary', () => recommendationSummary(new Request(`${BASE}/api/recommendations/summary?${query({ campaign: id, org: scope.committee.id, format: 'pdf' })}`))],
      ['reviews export', () => reviewsExport(new Request(`${BASE}/api/reviews/export?${query({ campaign: id, format: 'xlsx', decision: 'd' })}`))],
      ['votes export', () => votesExport(new Request(`${BASE}/api/votes/export?${query({ campaignId: id })}`))],
    ];
    const statuses: Record<string, number> = {};
    for (const [name, call] of calls) statuses[name] = (await call()).status;
    for (const [name, status] of Object.entries(statuses)) expect(status, name).toBeLessThan(500);
    // Cleaned, not refused: the ids and parameters still mean what they said.
    expect(statuses).toMatchObject({ 'application pdf': 200, 'qualification export': 200, 'import template': 200, 'votes export': 200, captcha: 200, health: 200, 'vote, body not JSON': 400 });
    const challenge = await db.captchaChallenge.findFirstOrThrow({ where: { ip: '127.0.0.1' }, orderBy: { createdAt: 'desc' } });
    expect(challenge.answer).toMatch(/^\d+$/);
  });

  it('refuse with JSON or text carrying a Chinese message and the code', async () => {
    await signInAs(null);
    const refused = await votesExport(new Request(`${BASE}/api/votes/export?campaignId=x`));
    expect([refused.status, await refused.text()]).toEqual([401, '请先登录']);
    const vote404 = await vote(new Request(`${BASE}/api/campaigns/x/votes`, { method: 'POST', headers: { Origin: BASE, Host: 'localhost' }, body: '[1,2' }), segment({ id: 'x' }));
    expect([vote404.status, await vote404.json()]).toEqual([400, { message: '请求格式不正确', code: 'INVALID_INPUT' }]);
  });
});

describe('server actions: the body sees only cleaned input', () => {
  it('searches with a pasted name instead of failing, and refuses an unknown campaign with its own message', async () => {
    const scope = await createVotingScope({ entries: 1, members: 0 });
    await signInAs(scope.cityAdmin.id);
    const brandName = (await db.application.findUniqueOrThrow({ where: { id: scope.entries[0].id }, select: { brandName: true } })).brandName;
    const found = await similarNamesAction({ name: `${RLO}${brandName}${NUL}` });
    expect(found.ok).toBe(true);
    // A phone number copied on a phone arrives wrapped in LRE … PDF.
    await db.campaign.update({ where: { id: scope.campaign.id }, data: { publicVotingEnabled: true } });
    const refused = await requestVoteCodeAction({ campaignId: `${scope.campaign.id}${NUL}`, phone: `\u202A13800000000\u202C`, captchaId: NUL, captchaAnswer: 'abcd' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', fieldErrors: { captchaAnswer: '图形验证码不正确' } });
  });

  it('cleans strings recursively, keys, FormData and file names included, and refuses nesting deeper than 32', () => {
    const form = new FormData();
    form.append(`na${NUL}me`, `王${RLO}小明`);
    form.append('file', new File(['x'], `报告${RLO}fdp.png`, { type: 'image/png' }));
    const cleaned = cleanInput({ [`a${NUL}`]: [`b${NUL}`, { c: `\u2066d\u2069` }], form, n: 1, date: new Date(0), none: null });
    expect(cleaned).toMatchObject({ a: ['b', { c: 'd' }], n: 1, date: new Date(0), none: null });
    expect(cleaned.form.get('name')).toBe('王小明');
    expect((cleaned.form.get('file') as File).name).toBe('报告fdp.png');
    let deep: unknown = 'x';
    for (let level = 0; level < 40; level++) deep = [deep];
    expect(() => cleanInput(deep)).toThrow('提交的内容层级过深');
  });
});
