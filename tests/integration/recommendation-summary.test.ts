import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { loadRecommendationLevel } from '@/lib/recommendation/queries';
import { notRecommendEntry, recommendEntry, saveOpinion, saveRanking } from '@/lib/recommendation/service';
import { recommendationSummaryContent } from '@/lib/documents/kinds/recommendation-summary';
import { renderDocumentPdf } from '@/lib/documents/render-pdf';
import { buildDocumentWorkbook } from '@/lib/documents/render-sheet';
import type { TRecommendationLevel } from '@/lib/recommendation/queries';
import { createRecommendationScope } from '../support/recommendations';
import { extractPdfText, pdfPageCount } from '../support/pdf-text';

const context = (actorId: string) => ({ actorId, ip: '10.9.6.3' });
const OPINIONS = ['创建载体丰富，群众认可度高，同意推荐', '品牌内涵深刻，示范作用明显，同意推荐'];
const REASON = '材料不完整，缺少工作成效数据';

/** Entries 0 and 1 recommended with opinions and ranked 1 before 0; entry 2 not recommended. */
async function decidedLevel() {
  const scope = await createRecommendationScope({ entries: 3 });
  const as = context(scope.committeeAdmin.id);
  const [first, second, third] = scope.entries;
  const organizationId = scope.committee.id;
  for (const [index, entry] of [first, second].entries()) {
    await recommendEntry({ applicationId: entry.id, organizationId }, as);
    await saveOpinion({ applicationId: entry.id, organizationId, opinion: OPINIONS[index] }, as);
  }
  await notRecommendEntry({ applicationId: third.id, organizationId, reason: REASON }, as);
  await saveRanking({ campaignId: scope.campaign.id, organizationId, order: [second.id, first.id, third.id] }, as);
  const level = await loadRecommendationLevel(scope.campaign.id, organizationId, await loadGrants(db, scope.committeeAdmin.id));
  if (!level) throw new Error('the committee admin acts for the committee');
  const brand = (id: string) => level.entries.find((entry) => entry.id === id)!.brandName;
  return { scope, level, ranked: [brand(second.id), brand(first.id)], rejected: brand(third.id) };
}

const HEADER = { issuer: '示范市委组织部', number: '示范市委组织部〔2026〕3号', issuedAt: new Date('2026-11-22T02:00:00Z') };
const buildRecommendationSummaryWorkbook = (level: TRecommendationLevel) => buildDocumentWorkbook(recommendationSummaryContent(level), HEADER);
const renderRecommendationSummaryPdf = (level: TRecommendationLevel) => renderDocumentPdf(recommendationSummaryContent(level), HEADER);

const cellText = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1).map((value) => String(value ?? ''));

describe('推荐汇总表', () => {
  it('lists the recommended entries in rank order with their opinions, then the not recommended with the reason (Excel)', async () => {
    const { scope, level, ranked, rejected } = await decidedLevel();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildRecommendationSummaryWorkbook(level)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['推荐汇总表', '未推荐']);

    const sheet = workbook.getWorksheet('推荐汇总表')!;
    expect(sheet.getCell('A1').value).toBe(HEADER.issuer);
    expect(sheet.getCell('A2').value).toBe(`${scope.campaign.title} 推荐汇总表`);
    expect(sheet.getCell('A3').value).toBe(`文号：${HEADER.number}    日期：2026年11月22日`);
    expect(sheet.getCell('A4').value).toBe(`推荐单位：${scope.committee.name}    已推荐 2 / ${level.limit}`);
    expect(cellText(sheet.getRow(5))).toEqual(['序号', '品牌名称', '申报单位', '上级党组织', '领域', '党组织书记', '联系电话', '推荐意见']);
    const rows = [6, 7].map((number) => cellText(sheet.getRow(number)));
    expect(rows.map((row) => [row[0], row[1], row[3], row[7]])).toEqual([
      ['1', ranked[0], scope.committee.name, OPINIONS[1]],
      ['2', ranked[1], scope.committee.name, OPINIONS[0]],
    ]);
    expect(rows.every((row) => row[6].length > 0 && row[4].length > 0)).toBe(true);
    const footer = [9, 10, 11].map((number) => String(sheet.getRow(number).getCell(1).value));
    expect(footer[0]).toBe('推荐单位（盖章）：');
    expect(footer[1]).toBe('负责人签字：');
    expect(footer[2]).toMatch(/^日期：_+年_+月_+日$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    expect(sheet.headerFooter.oddFooter).toContain(HEADER.number);
    expect(sheet.getRow(6).getCell(8).alignment).toMatchObject({ wrapText: true });

    const others = workbook.getWorksheet('未推荐')!;
    expect(others.getCell('A1').value).toBe(HEADER.issuer);
    expect(cellText(others.getRow(4))).toEqual(['序号', '品牌名称', '申报单位', '上级党组织', '领域', '不推荐理由']);
    expect(cellText(others.getRow(5))).toEqual(['1', rejected, expect.any(String), scope.committee.name, expect.any(String), REASON]);
    expect(others.rowCount).toBe(5);
  });

  it('renders an A4 landscape PDF with the ranked entries, opinions, the reason and the signing box', async () => {
    const { scope, level, ranked, rejected } = await decidedLevel();
    const pdf = await renderRecommendationSummaryPdf(level);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.28\d*\]/);
    const text = extractPdfText(pdf);
    expect(text).toContain(`${scope.campaign.title} 推荐汇总表`);
    expect(text).toContain(`推荐单位：${scope.committee.name}`);
    expect(text).toContain(`已推荐 2 / ${level.limit}`);
    expect(text.indexOf(ranked[0])).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(ranked[0])).toBeLessThan(text.indexOf(ranked[1]));
    for (const expected of [...OPINIONS, rejected, REASON, '未推荐（1 个）', '推荐单位（盖章）', '负责人签字', '第 1 页 / 共 1 页', HEADER.issuer, `文号：${HEADER.number}`, '2026年11月22日']) expect(text).toContain(expected);
  });

  it('says so when nothing is recommended, and repeats the header on every page of a long list', async () => {
    const { level } = await decidedLevel();
    const empty = extractPdfText(await renderRecommendationSummaryPdf({ ...level, entries: [] }));
    expect(empty).toContain('（本级尚未推荐任何品牌）');
    expect(empty).not.toContain('未推荐（');

    const template = level.entries.find((entry) => entry.decision === 'RECOMMENDED')!;
    const entries = Array.from({ length: 40 }, (_, index) => ({ ...template, id: `long-${index}`, brandName: `长名单品牌${index + 1}号`, rank: index + 1 }));
    const pdf = await renderRecommendationSummaryPdf({ ...level, entries });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = extractPdfText(pdf);
    // Every page of the table repeats its header; the signing box may take a page of its own.
    expect(text.split('联系电话').length - 1).toBeGreaterThanOrEqual(pages - 1);
    expect(text).toContain('长名单品牌40号');
    expect(text).toContain(`第 ${pages} 页 / 共 ${pages} 页`);
    // The 文号 in the footer of every page, once more in the header of the first.
    expect(text.split(HEADER.number).length - 1).toBeGreaterThanOrEqual(pages + 1);
  });

  it('is not available to staff who do not act for the level (the route answers 404)', async () => {
    const { scope } = await decidedLevel();
    expect(await loadRecommendationLevel(scope.campaign.id, scope.committee.id, await loadGrants(db, scope.westAdmin.id))).toBeNull();
    // A committee above does not act for the one below either.
    expect(await loadRecommendationLevel(scope.campaign.id, scope.committee.id, await loadGrants(db, scope.districtAdmin.id))).toBeNull();
  });
});
