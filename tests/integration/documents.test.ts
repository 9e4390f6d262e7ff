import ExcelJS from 'exceljs';
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { GET as getDocument } from '@/app/api/campaigns/[id]/documents/[kind]/route';
import { GET as getRecommendationSummary } from '@/app/api/recommendations/summary/route';
import { db } from '@/lib/db';
import { issueDocument } from '@/lib/documents/numbering';
import { updateDocumentSettings } from '@/lib/documents/settings';
import type { TDocumentContent } from '@/lib/documents/types';
import { authSecret } from '@/lib/env';
import { formatDate } from '@/lib/format';
import { recommendEntry, saveOpinion } from '@/lib/recommendation/service';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { extractPdfText, pdfPageCount } from '../support/pdf-text';
import { createAwardedScope, openPublicity } from '../support/publicity';
import { createRecommendationScope } from '../support/recommendations';
import { createReviewScope } from '../support/reviews';
import { openSession } from '../support/users';
import { createVotingScope, insertVotes } from '../support/voting';

// The routes read the session cookie through next/headers; here the jar holds a real signed session token.
const jar = vi.hoisted(() => ({ token: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers(),
}));

const context = (actorId: string) => ({ actorId, ip: '10.9.21.1' });
const PATTERN = '示范测试组织部〔2026〕';

async function as(userId: string | null) {
  jar.token = userId ? await encode({ token: { sid: await openSession(userId) }, secret: authSecret() }) : null;
}

async function fetchDocument(userId: string | null, campaignId: string, kind: string, format: 'pdf' | 'xlsx', org?: string) {
  await as(userId);
  const query = new URLSearchParams({ format, ...(org ? { org } : {}) });
  return getDocument(new Request(`http://localhost/api/campaigns/${campaignId}/documents/${kind}?${query}`), { params: Promise.resolve({ id: campaignId, kind }) });
}

async function pdfText(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await response.arrayBuffer());
  expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  return { text: extractPdfText(pdf), pages: pdfPageCount(pdf) };
}

async function workbookOf(response: Response) {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
  return workbook;
}

const rowText = (sheet: ExcelJS.Worksheet, number: number) => (sheet.getRow(number).values as unknown[]).slice(1).map((value) => String(value ?? ''));
const numberIn = (text: string) => new RegExp(`${PATTERN.replace(/[〔〕]/g, '\\$&')}(\\d+)号`).exec(text)?.[1];

const content = (title: string): TDocumentContent => ({ title, sections: [{ type: 'paragraph', text: title }] });

describe('文号 numbering', () => {
  it('gives parallel issues distinct serials 1..n without gaps, and the same content its first number again', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const campaignId = scope.campaign.id;
    await updateDocumentSettings({ campaignId, documentNumberPattern: PATTERN, documentIssuer: '' }, context(scope.cityAdmin.id));
    const issued = await Promise.all(
      Array.from({ length: 8 }, (_, index) => issueDocument({ campaignId, kind: 'application-summary', scopeOrgId: scope.city.id, content: content(`并发文书${index}`) }, context(scope.cityAdmin.id))),
    );
    expect(issued.map((row) => row.serial).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(issued.map((row) => row.number)).size).toBe(8);
    for (const row of issued) expect(row.number).toBe(`${PATTERN}${row.serial}号`);
    expect(issued.every((row) => row.issuer === scope.city.name && row.isNew)).toBe(true);

    // The same content, twice at once: one number, the one it already has, and nothing new written.
    const again = await Promise.all([0, 1].map(() => issueDocument({ campaignId, kind: 'application-summary', scopeOrgId: scope.city.id, content: content('并发文书3') }, context(scope.cityAdmin.id))));
    const first = issued.find((_, index) => index === 3)!;
    expect(again.map((row) => [row.number, row.issuedAt.getTime(), row.isNew])).toEqual([
      [first.number, first.issuedAt.getTime(), false],
      [first.number, first.issuedAt.getTime(), false],
    ]);
    // Changed content: the next serial. Parallel new ones after it still leave no gap.
    const changed = await issueDocument({ campaignId, kind: 'application-summary', scopeOrgId: scope.city.id, content: content('并发文书3（修改）') }, context(scope.cityAdmin.id));
    expect(changed.serial).toBe(9);
    const more = await Promise.all([0, 1, 2].map((index) => issueDocument({ campaignId, kind: 'vote-results', scopeOrgId: scope.city.id, content: content(`更多${index}`) }, context(scope.cityAdmin.id))));
    expect(more.map((row) => row.serial).sort()).toEqual([10, 11, 12]);
    const rows = await db.issuedDocument.findMany({ where: { campaignId }, select: { serial: true } });
    expect(rows.map((row) => row.serial).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(await db.auditLog.count({ where: { action: 'issue-document', entityType: 'IssuedDocument', entityId: { in: (await db.issuedDocument.findMany({ where: { campaignId }, select: { id: true } })).map((row) => row.id) } } })).toBe(12);

    // A changed issuer is changed content; another campaign counts from 1.
    await updateDocumentSettings({ campaignId, documentNumberPattern: '测试字〔2026〕第{序号}号', documentIssuer: '示范测试领导小组办公室' }, context(scope.cityAdmin.id));
    const renamed = await issueDocument({ campaignId, kind: 'application-summary', scopeOrgId: scope.city.id, content: content('并发文书3') }, context(scope.cityAdmin.id));
    expect([renamed.number, renamed.issuer]).toEqual(['测试字〔2026〕第13号', '示范测试领导小组办公室']);
    const other = await createRecommendationScope({ entries: 1 });
    expect((await issueDocument({ campaignId: other.campaign.id, kind: 'application-summary', scopeOrgId: other.city.id, content: content('别的活动') }, context(other.cityAdmin.id))).serial).toBe(1);
  });

  it('validates the settings in Chinese and lets only the owner organization department change them', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const campaignId = scope.campaign.id;
    await expect(updateDocumentSettings({ campaignId, documentNumberPattern: '示范市委组织部〔2026〕12号', documentIssuer: '' }, context(scope.cityAdmin.id))).rejects.toThrow('文号格式只写到序号之前');
    await expect(updateDocumentSettings({ campaignId, documentNumberPattern: '{序号}{序号}', documentIssuer: '' }, context(scope.cityAdmin.id))).rejects.toThrow('只能出现一次');
    await expect(updateDocumentSettings({ campaignId, documentNumberPattern: 'x'.repeat(41), documentIssuer: '' }, context(scope.cityAdmin.id))).rejects.toThrow('不能超过 40 个字');
    await expect(updateDocumentSettings({ campaignId, documentNumberPattern: PATTERN, documentIssuer: '' }, context(scope.committeeAdmin.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await updateDocumentSettings({ campaignId, documentNumberPattern: PATTERN, documentIssuer: ' 示范测试办 ' }, context(scope.cityAdmin.id));
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { documentNumberPattern: true, documentIssuer: true } })).toEqual({ documentNumberPattern: PATTERN, documentIssuer: '示范测试办' });
    expect(await db.auditLog.count({ where: { action: 'update-document-settings', entityId: campaignId } })).toBe(1);
  });
});

describe('documents through the route', () => {
  it('申报汇总表: the header (issuer, title, 文号, date) and footer on every page, the same number for the PDF and the Excel file', async () => {
    const scope = await createRecommendationScope({ entries: 3 });
    const campaignId = scope.campaign.id;
    await updateDocumentSettings({ campaignId, documentNumberPattern: PATTERN, documentIssuer: '' }, context(scope.cityAdmin.id));
    const brands = await db.application.findMany({ where: { campaignId }, select: { brandName: true } });
    const { text, pages } = await pdfText(await fetchDocument(scope.cityAdmin.id, campaignId, 'application-summary', 'pdf'));
    const number = numberIn(text);
    expect(number).toBeDefined();
    const fullNumber = `${PATTERN}${number}号`;
    for (const expected of [scope.city.name, `${scope.campaign.title} 申报汇总表`, `文号：${fullNumber}`, formatDate(new Date()), '共 3 个品牌', `第 1 页 / 共 ${pages} 页`, ...brands.map((brand) => brand.brandName)]) expect(text).toContain(expected);
    expect(text.split(fullNumber).length - 1).toBeGreaterThanOrEqual(pages + 1);

    const workbook = await workbookOf(await fetchDocument(scope.cityAdmin.id, campaignId, 'application-summary', 'xlsx'));
    const sheet = workbook.getWorksheet('申报汇总表')!;
    expect(sheet.getCell('A1').value).toBe(scope.city.name);
    expect(sheet.getCell('A2').value).toBe(`${scope.campaign.title} 申报汇总表`);
    expect(sheet.getCell('A3').value).toBe(`文号：${fullNumber}    日期：${formatDate(new Date())}`);
    expect(rowText(sheet, 5)[0]).toBe('序号');
    expect([6, 7, 8].map((row) => rowText(sheet, row)[1]).sort()).toEqual(brands.map((brand) => brand.brandName).sort());
    expect(sheet.headerFooter.oddFooter).toContain(fullNumber);
    expect(await db.issuedDocument.count({ where: { campaignId, kind: 'application-summary' } })).toBe(1);
  });

  it('a committee gets its own 推荐汇总表 only; other subtrees and campaign-wide documents answer 404', async () => {
    const scope = await createRecommendationScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    const organizationId = scope.committee.id;
    await recommendEntry({ applicationId: scope.entries[0].id, organizationId }, context(scope.committeeAdmin.id));
    await saveOpinion({ applicationId: scope.entries[0].id, organizationId, opinion: '示范作用明显，同意推荐' }, context(scope.committeeAdmin.id));
    const own = await pdfText(await fetchDocument(scope.committeeAdmin.id, campaignId, 'recommendation-summary', 'pdf', organizationId));
    expect(own.text).toContain(`推荐单位：${scope.committee.name}`);
    expect(own.text).toContain('示范作用明显，同意推荐');
    // The owner's organization department reads it too, under the same number.
    const byOwner = await pdfText(await fetchDocument(scope.cityAdmin.id, campaignId, 'recommendation-summary', 'pdf', organizationId));
    expect(numberIn(byOwner.text) ?? byOwner.text.match(/〔\d{4}〕(\d+)号/)?.[1]).toBe(numberIn(own.text) ?? own.text.match(/〔\d{4}〕(\d+)号/)?.[1]);

    for (const userId of [scope.westAdmin.id, scope.districtAdmin.id]) {
      const response = await fetchDocument(userId, campaignId, 'recommendation-summary', 'pdf', organizationId);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('推荐汇总表不存在或您无权查看');
    }
    await as(scope.westAdmin.id);
    const legacy = await getRecommendationSummary(new Request(`http://localhost/api/recommendations/summary?campaign=${campaignId}&org=${organizationId}&format=pdf`));
    expect(legacy.status).toBe(404);
    for (const kind of ['application-summary', 'review-summary', 'vote-results']) expect((await fetchDocument(scope.committeeAdmin.id, campaignId, kind, 'pdf')).status).toBe(404);
    expect((await fetchDocument(null, campaignId, 'application-summary', 'pdf')).status).toBe(401);
    expect((await fetchDocument(scope.cityAdmin.id, campaignId, 'no-such-kind', 'pdf')).status).toBe(400);
    // Nothing was issued for the refused requests.
    expect(await db.issuedDocument.count({ where: { campaignId } })).toBe(1);
  });

  it('评审汇总表: criterion means, expert count, normalised score and rank per entry', async () => {
    const scope = await createReviewScope({ entries: 2 });
    const campaignId = scope.campaign.id;
    const criteria = await db.criterion.findMany({ where: { rubric: { campaignId } }, orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, maxPoints: true } });
    const [top, second] = scope.entries;
    // Two experts on each entry: criterion 1 gets 8 and 6 (mean 7.00) for the top entry, 4 and 2 (3.00) for the other.
    const sheets = [
      { expert: scope.westExpert.id, entry: top.id, first: 8 },
      { expert: scope.cityExpert.id, entry: top.id, first: 6 },
      { expert: scope.westExpert.id, entry: second.id, first: 4 },
      { expert: scope.cityExpert.id, entry: second.id, first: 2 },
    ];
    for (const sheet of sheets) {
      await db.reviewAssignment.create({
        data: {
          campaignId,
          applicationId: sheet.entry,
          expertId: sheet.expert,
          submittedAt: new Date(),
          scores: { create: criteria.map((criterion, index) => ({ criterionId: criterion.id, points: index === 0 ? sheet.first : Math.min(criterion.maxPoints, 5) })) },
        },
      });
    }
    const names = Object.fromEntries(await Promise.all(scope.entries.map(async (entry) => [entry.id, (await db.application.findUniqueOrThrow({ where: { id: entry.id }, select: { brandName: true } })).brandName])));
    const workbook = await workbookOf(await fetchDocument(scope.cityAdmin.id, campaignId, 'review-summary', 'xlsx'));
    const sheet = workbook.getWorksheet('评审汇总表')!;
    const header = rowText(sheet, 5);
    expect(header.slice(0, 3)).toEqual(['名次', '品牌名称', '申报单位']);
    expect(header[3]).toBe(`${criteria[0].name}（${criteria[0].maxPoints}）`);
    expect(header).toEqual(expect.arrayContaining(['专家数', '标准化得分', '专家评分', '综合得分']));
    const rows = [6, 7].map((number) => rowText(sheet, number));
    expect(rows.map((row) => [row[0], row[1], row[3], row[header.indexOf('专家数')]])).toEqual([
      ['1', names[top.id], '7.00', '2'],
      ['2', names[second.id], '3.00', '2'],
    ]);
    expect(Number(rows[0][header.indexOf('标准化得分')])).toBeGreaterThan(Number(rows[1][header.indexOf('标准化得分')]));
    const { text } = await pdfText(await fetchDocument(scope.cityAdmin.id, campaignId, 'review-summary', 'pdf'));
    for (const expected of [`${scope.campaign.title} 评审汇总表`, names[top.id], names[second.id], '7.00', '3.00', '评审组长签字']) expect(text).toContain(expected);
  });

  it('投票结果 and 公示名单 carry the counts and the names', async () => {
    const voting = await createVotingScope({ entries: 2, members: 0 });
    await insertVotes(voting.campaign.id, voting.entries[0].id, 3);
    await insertVotes(voting.campaign.id, voting.entries[1].id, 1);
    await insertVotes(voting.campaign.id, voting.entries[1].id, 2, { invalid: true });
    const votes = await workbookOf(await fetchDocument(voting.cityAdmin.id, voting.campaign.id, 'vote-results', 'xlsx'));
    const entries = votes.getWorksheet('各品牌得票')!;
    expect(String(entries.getCell('A4').value)).toContain('有效票 4 张，无效票 2 张');
    const header = rowText(entries, 5);
    const first = rowText(entries, 6);
    expect([first[0], first[header.indexOf('有效票')], first[header.indexOf('占比（%）')]]).toEqual(['1', '3', '75.00']);
    expect(rowText(entries, 7)[header.indexOf('无效票')]).toBe('2');

    const awarded = await createAwardedScope({ entries: 2 });
    const notFound = await fetchDocument(awarded.cityAdmin.id, awarded.campaign.id, 'publicity-list', 'pdf');
    expect([notFound.status, await notFound.text()]).toEqual([404, '尚未发布拟表彰名单公示']);
    await openPublicity(awarded.campaign.id, awarded.cityAdmin.id);
    const names = await db.application.findMany({ where: { campaignId: awarded.campaign.id }, select: { brandName: true } });
    const { text } = await pdfText(await fetchDocument(awarded.cityAdmin.id, awarded.campaign.id, 'publicity-list', 'pdf'));
    for (const expected of [`${awarded.campaign.title} 拟表彰名单公示`, `${awarded.award.name}（2 个）`, '公示期：', ...names.map((name) => name.brandName)]) expect(text).toContain(expected);
  });

  it('the demo city: the honoured campaign’s 公示名单 and 审定决定表 name its winners', async () => {
    await seedDemoCity(db);
    const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_HONORED_TITLE }, select: { id: true, ownerOrg: { select: { name: true } }, honors: { select: { brandName: true } } } });
    const admin = await db.user.findFirstOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
    const publicity = await pdfText(await fetchDocument(admin.id, campaign.id, 'publicity-list', 'pdf'));
    const decision = await pdfText(await fetchDocument(admin.id, campaign.id, 'final-decision', 'pdf'));
    for (const { text } of [publicity, decision]) {
      expect(text).toContain(campaign.ownerOrg.name);
      for (const honor of campaign.honors) expect(text).toContain(honor.brandName);
    }
    expect(decision.text).toContain('领导小组审定决定表');
  });
});
