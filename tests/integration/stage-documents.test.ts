// The documents of issue 21 that A2 owns — batch certificates, 台帐上报情况, 验收结果, 年度考核结果 — on the demo city:
// every number equals a direct SQL count, and a committee never sees outside its subtree.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { DEMO_CREATION_TITLE } from '../../prisma/seed/demo-programs';
import { loadCampaignCertificates } from '@/lib/honors/queries';
import { streamCertificatesPdf } from '@/lib/honors/certificate-pdf';
import { verificationUrl } from '@/lib/honors/url';
import { loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { loadComplianceReport, onTimeRate, tallyCells } from '@/lib/cultivation/compliance-report';
import { acceptanceScore, loadAcceptanceResults } from '@/lib/acceptance/results';
import { loadAnnualReport } from '@/lib/annual-review/report';
import { extractPdfText, pdfPageCount } from '../support/pdf-text';

const bytes = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

const orgPath = async (code: string) => (await db.organization.findUniqueOrThrow({ where: { code }, select: { path: true } })).path;

describe('stage documents: data', () => {
  it('prints one certificate page per unrevoked honor of the campaign, in one streamed PDF', async () => {
    await seedDemoCity(db);
    const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_HONORED_TITLE }, select: { id: true } });
    const batch = (await loadCampaignCertificates(campaign.id))!;
    const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM honors WHERE campaign_id = ${campaign.id} AND revoked_at IS NULL`;
    expect(batch.certificates).toHaveLength(count);
    expect(count).toBe(9);
    const pdf = await bytes(streamCertificatesPdf({ title: '荣誉证书', issuerName: batch.issuerName }, batch.certificates.map((certificate) => ({ ...certificate, verificationUrl: verificationUrl(certificate.certificateNo) }))));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(count);
    const text = extractPdfText(pdf);
    for (const certificate of batch.certificates) {
      expect(text).toContain(certificate.certificateNo);
      expect(text).toContain(certificate.brandName);
    }
    expect(text).toContain('十大党建品牌');
  });

  it('draws certificate pages only as fast as the reader takes them, and stops when the reader goes away', async () => {
    let drawn = 0;
    const certificate = { brandName: '流式证书', organizationName: '测试支部', awardName: '十佳党建品牌', campaignTitle: '流式测试', issuerName: '测试组织部', issuedOn: new Date('2026-06-01'), revokedAt: null };
    function* many() {
      for (let index = 0; index < 500; index++) {
        drawn++;
        yield { ...certificate, certificateNo: `DJPP-2026-${String(index).padStart(6, '0')}`, verificationUrl: `http://localhost/certificates/${index}` };
      }
    }
    const reader = streamCertificatesPdf({ title: '流式', issuerName: '测试组织部' }, many()).getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Backpressure: with nobody reading, drawing waits far short of 500 pages.
    expect(drawn).toBeLessThan(100);
    await reader.cancel();
    const stopped = drawn;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(drawn).toBeLessThanOrEqual(stopped + 1);
  });

  it('tallies the 台帐 grid as SQL counts the reports, per organization and within a committee subtree only', async () => {
    await seedDemoCity(db);
    const { id } = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { id: true } });
    const campaign = await loadGridCampaign(id);
    const city = await loadComplianceReport(campaign, await orgPath('SF'));
    const months = campaign.months.map((month) => `${month}-01`);
    const [sql] = await db.$queryRaw<{ cultivations: number; on_time: number; late: number; missing: number }[]>`
      SELECT (SELECT count(*)::int FROM cultivations WHERE campaign_id = ${id}) AS cultivations,
        (SELECT count(*)::int FROM ledger_reports r JOIN cultivations cu ON cu.id = r.cultivation_id
          WHERE cu.campaign_id = ${id} AND NOT r.is_late AND r.month = ANY(${months}::date[])) AS on_time,
        (SELECT count(*)::int FROM ledger_reports r JOIN cultivations cu ON cu.id = r.cultivation_id
          WHERE cu.campaign_id = ${id} AND r.is_late AND r.month = ANY(${months}::date[])) AS late,
        (SELECT count(*)::int FROM cultivations cu CROSS JOIN unnest(${months}::date[]) AS m(month)
          WHERE cu.campaign_id = ${id}
            AND NOT EXISTS (SELECT 1 FROM ledger_reports r WHERE r.cultivation_id = cu.id AND r.month = m.month)
            AND now() >= ((m.month + ${campaign.ledgerDueDay}::int)::timestamp AT TIME ZONE 'Asia/Shanghai')) AS missing`;
    expect(city.rows).toHaveLength(sql!.cultivations);
    expect(city.totals).toMatchObject({ onTime: sql!.on_time, late: sql!.late, missing: sql!.missing });
    expect(city.totals.late).toBeGreaterThan(0);
    expect(city.totals.missing).toBeGreaterThan(0);
    expect(city.totals.onTime + city.totals.late + city.totals.missing + city.totals.notDue).toBe(sql!.cultivations * campaign.months.length);
    for (const row of city.rows) expect(row.tally).toEqual(tallyCells(row.cells));

    // The 机关工委's report holds exactly the cultivations of its subtree.
    const jgPath = await orgPath('SF-JG');
    const jg = await loadComplianceReport(campaign, jgPath);
    const inside = await db.cultivation.findMany({ where: { campaignId: id, brand: { organization: { path: { startsWith: jgPath } } } }, select: { id: true } });
    expect(jg.rows.map((row) => row.cultivationId).sort()).toEqual(inside.map((row) => row.id).sort());
    expect(jg.rows.length).toBeLessThanOrEqual(city.rows.length);
    expect(onTimeRate({ onTime: 3, late: 1, missing: 0, notDue: 5 })).toBe('75%');
    expect(onTimeRate({ onTime: 0, late: 0, missing: 0, notDue: 2 })).toBe('—');
  });

  it('lists each brand’s latest acceptance request with group, mean score, verdict and 认定 number as stored', async () => {
    await seedDemoCity(db);
    const { id } = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { id: true } });
    const results = (await loadAcceptanceResults(id))!;
    const [sql] = await db.$queryRaw<{ brands: number; passed: number; failed: number; waiting: number; recognised: number }[]>`
      WITH latest AS (
        SELECT DISTINCT ON (a.cultivation_id) a.* FROM acceptance_requests a JOIN cultivations cu ON cu.id = a.cultivation_id
        WHERE cu.campaign_id = ${id} ORDER BY a.cultivation_id, a.round DESC)
      SELECT count(*)::int AS brands, count(*) FILTER (WHERE status = 'PASSED')::int AS passed, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
        count(*) FILTER (WHERE status = 'WAITING')::int AS waiting, (SELECT count(*)::int FROM recognitions r JOIN latest l ON l.id = r.request_id) AS recognised
      FROM latest`;
    expect(results.rows).toHaveLength(sql!.brands);
    expect(results.totals).toMatchObject({ PASSED: sql!.passed, FAILED: sql!.failed, WAITING: sql!.waiting });
    expect(results.rows.filter((row) => row.recognitionNo)).toHaveLength(sql!.recognised);
    const passed = results.rows.find((row) => row.status === 'PASSED')!;
    const recognition = await db.recognition.findUniqueOrThrow({ where: { requestId: passed.requestId }, select: { recognitionNo: true } });
    expect(passed).toMatchObject({ recognitionNo: recognition.recognitionNo, verdict: '通过，予以认定' });
    const sheets = await db.acceptanceExpert.findMany({ where: { requestId: passed.requestId }, select: { scores: true, submittedAt: true } });
    expect(passed.group).toHaveLength(sheets.length);
    expect(passed.score).toBe(acceptanceScore(sheets).mean);
    expect(results.rows.find((row) => row.status === 'WAITING')).toMatchObject({ score: null, recognitionNo: null, verdict: '待验收' });
    expect(acceptanceScore([{ scores: [10, 20], submittedAt: new Date() }, { scores: [15, 20], submittedAt: new Date() }, { scores: [1], submittedAt: null }])).toEqual({ mean: 32.5, submitted: 2 });
  });

  it('sums the 年度考核 rows of a subtree as SQL counts them, and a committee’s rows stay in its subtree', async () => {
    await seedDemoCity(db);
    const year = (await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { year: true } })).year;
    const cityPath = await orgPath('SF');
    const report = await loadAnnualReport(cityPath, year);
    const [sql] = await db.$queryRaw<{ on_time: number; late: number; events: number; sites: number }[]>`
      SELECT (SELECT count(*)::int FROM ledger_reports r JOIN cultivations cu ON cu.id = r.cultivation_id JOIN campaigns c ON c.id = cu.campaign_id
               JOIN brands b ON b.id = cu.brand_id JOIN organizations o ON o.id = b.organization_id
               WHERE c.year = ${year} AND o.path LIKE ${`${cityPath}%`} AND NOT r.is_late) AS on_time,
             (SELECT count(*)::int FROM ledger_reports r JOIN cultivations cu ON cu.id = r.cultivation_id JOIN campaigns c ON c.id = cu.campaign_id
               JOIN brands b ON b.id = cu.brand_id JOIN organizations o ON o.id = b.organization_id
               WHERE c.year = ${year} AND o.path LIKE ${`${cityPath}%`} AND r.is_late) AS late,
             (SELECT count(*)::int FROM promotion_events e JOIN organizations o ON o.id = e.owner_org_id
               WHERE o.path LIKE ${`${cityPath}%`} AND e.held_at >= ${new Date(`${year}-01-01T00:00:00+08:00`)} AND e.held_at < ${new Date(`${year + 1}-01-01T00:00:00+08:00`)}) AS events,
             (SELECT count(*)::int FROM demo_sites s JOIN organizations o ON o.id = s.organization_id WHERE o.path LIKE ${`${cityPath}%`}) AS sites`;
    expect(report.summary.ledger.onTime).toBe(sql!.on_time);
    expect(report.summary.ledger.late).toBe(sql!.late);
    expect(report.summary.events).toBe(sql!.events);
    expect(report.summary.sites).toBe(sql!.sites);
    expect(report.summary.organizations).toBe(report.rows.length);
    expect(report.rows.length).toBeGreaterThan(0);

    const jgPath = await orgPath('SF-JG');
    const jg = await loadAnnualReport(jgPath, year);
    const paths = await db.organization.findMany({ where: { id: { in: jg.rows.map((row) => row.organizationId) } }, select: { path: true } });
    expect(paths.every((org) => org.path.startsWith(jgPath))).toBe(true);
    expect(jg.rows.length).toBeLessThan(report.rows.length);
  });
});
