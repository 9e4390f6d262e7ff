// The download routes of A2's stage documents, called as the browser would with the demo accounts' sessions: who gets
// the file (WHO read from the database on each request), what it says, and that a committee never gets outside its subtree.
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { GET as certificatesPdf } from '@/app/api/campaigns/[id]/certificates/route';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { extractPdfText, pdfPageCount } from '../support/pdf-text';
import { openSession } from '../support/users';

const jar = vi.hoisted(() => ({ token: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers(),
}));

type THandler = (request: Request, segment?: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The response of `handler` at `url` for the demo account `loginName` (null: anonymous). */
async function call(handler: THandler, loginName: string | null, url: string, params: Record<string, string> = {}) {
  const user = loginName ? await db.user.findUniqueOrThrow({ where: { loginName }, select: { id: true } }) : null;
  jar.token = user ? await encode({ token: { sid: await openSession(user.id) }, secret: authSecret() }) : null;
  return handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
}

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('stage documents: routes', () => {
  it('gives the organizer every certificate of the campaign in one PDF, one page each; nobody else', async () => {
    await seedDemoCity(db);
    const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_HONORED_TITLE }, select: { id: true } });
    const honors = await db.honor.findMany({ where: { campaignId: campaign.id, revokedAt: null }, select: { certificateNo: true, brandName: true } });
    const url = `/api/campaigns/${campaign.id}/certificates`;
    const response = await call(certificatesPdf, 'admin', url, { id: campaign.id });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = await body(response);
    expect(pdfPageCount(pdf)).toBe(honors.length);
    const text = extractPdfText(pdf);
    for (const honor of honors) expect(text).toContain(honor.certificateNo);
    for (const login of ['dh-admin', 'jg-admin', 'sec-xfl']) expect((await call(certificatesPdf, login, url, { id: campaign.id })).status).toBe(403);
    expect((await call(certificatesPdf, null, url, { id: campaign.id })).status).toBe(401);
    expect((await call(certificatesPdf, 'admin', '/api/campaigns/none/certificates', { id: 'none' })).status).toBe(404);
  });
});
