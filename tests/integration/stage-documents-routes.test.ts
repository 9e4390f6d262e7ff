// The download routes of A2's stage documents, called as the browser would with the demo accounts' sessions: who gets
// the file (WHO read from the database on each request), what it says, and that a committee never gets outside its subtree.
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { GET as certificatesPdf } from '@/app/api/campaigns/[id]/certificates/route';
import { GET as documentRoute } from '@/app/api/campaigns/[id]/documents/[kind]/route';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { DEMO_CREATION_TITLE } from '../../prisma/seed/demo-programs';
import { loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { loadComplianceReport } from '@/lib/cultivation/compliance-report';
import { loadAcceptanceResults } from '@/lib/acceptance/results';
import { loadAnnualReport } from '@/lib/annual-review/report';
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

  it('issues the 台帐上报情况 with 文号: the organizer for any subtree, a committee only for its own, never outside it', async () => {
    await seedDemoCity(db);
    const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_HONORED_TITLE }, select: { id: true } });
    const grid = await loadGridCampaign(campaign.id);
    const city = await db.organization.findUniqueOrThrow({ where: { code: 'SF' }, select: { id: true, name: true, path: true } });
    const all = await loadComplianceReport(grid, city.path);
    // A demo committee holding some, not all, of the campaign's cultivations, and another committee.
    const committees = await db.user.findMany({
      where: { loginName: { in: ['dh-admin', 'jg-admin', 'dc-admin', 'cg-admin'] } },
      select: { loginName: true, roleAssignments: { select: { organization: { select: { id: true, name: true, path: true } } } } },
    });
    const reports = await Promise.all(committees.map(async (user) => ({ login: user.loginName, org: user.roleAssignments[0]!.organization, report: await loadComplianceReport(grid, user.roleAssignments[0]!.organization.path) })));
    const mine = reports.find((entry) => entry.report.rows.length > 0 && entry.report.rows.length < all.rows.length)!;
    const other = reports.find((entry) => !entry.org.path.startsWith(mine.org.path) && !mine.org.path.startsWith(entry.org.path))!;
    const [dh, cg, own] = [mine.org, other.org, mine.report];
    const document = (login: string, org: string, format = 'pdf') =>
      call(documentRoute, login, `/api/campaigns/${campaign.id}/documents/ledger-compliance?format=${format}&org=${org}`, { id: campaign.id, kind: 'ledger-compliance' });

    const response = await document(mine.login, dh.id);
    expect(response.status).toBe(200);
    const text = extractPdfText(await body(response)).replace(/\n/g, '');
    const number = await db.issuedDocument.findFirstOrThrow({ where: { campaignId: campaign.id, kind: 'ledger-compliance', scopeOrgId: dh.id }, orderBy: { serial: 'desc' }, select: { number: true } });
    expect(text).toContain(number.number);
    expect(text).toContain('台帐上报情况');
    expect(text).toContain(`按时上报 ${own.totals.onTime}，逾期上报 ${own.totals.late}，未上报 ${own.totals.missing}`);
    for (const row of own.rows) expect(text).toContain(row.brandName);
    const outside = all.rows.filter((row) => !own.rows.some((mine) => mine.cultivationId === row.cultivationId));
    expect(outside.length).toBeGreaterThan(0);
    for (const row of outside) expect(text).not.toContain(row.brandName);

    // The sibling committee, the committee asking for the city or a sibling, the branch secretary: 404 (or 401/403).
    expect((await document(other.login, dh.id)).status).toBe(404);
    expect((await document(mine.login, city.id)).status).toBe(404);
    expect((await document(mine.login, cg.id)).status).toBe(404);
    expect((await document('sec-xfl', dh.id)).status).toBe(404);

    // The organizer's Excel of the whole city: one row per cultivation with the tallies SQL counted.
    const sheet = await document('admin', city.id, 'xlsx');
    expect(sheet.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await sheet.arrayBuffer());
    const tallies = workbook.getWorksheet('各单位上报情况')!;
    const values = tallies.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1).map(String) : []));
    for (const row of all.rows) {
      expect(values).toContainEqual(expect.arrayContaining([row.organizationName, row.brandName, String(row.tally.onTime), String(row.tally.late), String(row.tally.missing)]));
    }
  });

  it('issues the 验收结果 to the organizer only, with verdicts, scores and 认定 numbers', async () => {
    await seedDemoCity(db);
    const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { id: true } });
    const results = (await loadAcceptanceResults(campaign.id))!;
    const document = (login: string, format = 'pdf') => call(documentRoute, login, `/api/campaigns/${campaign.id}/documents/acceptance-results?format=${format}`, { id: campaign.id, kind: 'acceptance-results' });
    const response = await document('admin');
    expect(response.status).toBe(200);
    const text = extractPdfText(await body(response));
    for (const row of results.rows) {
      expect(text).toContain(row.brandName);
      expect(text).toContain(row.verdict);
    }
    const recognised = results.rows.find((row) => row.recognitionNo)!;
    expect(text).toContain(recognised.recognitionNo);
    expect(text).toContain(`通过 ${results.totals.PASSED}，不通过 ${results.totals.FAILED}`);
    for (const login of ['jg-admin', 'dh-admin', 'sec-xfl']) expect((await document(login)).status).toBe(404);
    const sheet = await document('admin', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await sheet.arrayBuffer());
    const values = workbook.getWorksheet('验收结果')!.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1).map(String) : []));
    expect(values).toContainEqual(expect.arrayContaining([`“${recognised.brandName}”`, '通过，予以认定', recognised.recognitionNo]));
  });

  it('issues the 年度考核结果 of the campaign’s year: the committee’s own subtree only, totals as the table counts them', async () => {
    await seedDemoCity(db);
    const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { id: true, year: true } });
    const [city, jg] = await Promise.all(['SF', 'SF-JG'].map((code) => db.organization.findUniqueOrThrow({ where: { code }, select: { id: true, name: true, path: true } })));
    const document = (login: string, org: string, format = 'pdf') =>
      call(documentRoute, login, `/api/campaigns/${campaign.id}/documents/annual-review?format=${format}&org=${org}`, { id: campaign.id, kind: 'annual-review' });
    const own = await loadAnnualReport(jg.path, campaign.year);
    const all = await loadAnnualReport(city.path, campaign.year);
    const response = await document('jg-admin', jg.id);
    expect(response.status).toBe(200);
    // Long names wrap inside their cell: compare without the line breaks.
    const text = extractPdfText(await body(response)).replace(/\n/g, '');
    expect(text).toContain(`${campaign.year}年度党建品牌工作考核结果`);
    expect(text).toContain(`按时 ${own.summary.ledger.onTime}、逾期 ${own.summary.ledger.late}、未报 ${own.summary.ledger.missing}`);
    for (const row of own.rows) expect(text).toContain(row.organizationName);
    // (The city itself is the issuer in the header, so its own row is not looked for.)
    const outside = all.rows.filter((row) => row.organizationId !== city.id && !own.rows.some((mine) => mine.organizationId === row.organizationId));
    for (const row of outside) expect(text).not.toContain(row.organizationName);
    expect((await document('jg-admin', city.id)).status).toBe(404);
    expect((await document('dh-admin', jg.id)).status).toBe(404);
    const sheet = await document('admin', city.id, 'xlsx');
    expect(sheet.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await sheet.arrayBuffer());
    const rows = workbook.getWorksheet(`${campaign.year}年度考核`)!.getSheetValues().filter((row) => Array.isArray(row) && typeof row[1] === 'number');
    expect(rows).toHaveLength(all.rows.length);
  });
});
