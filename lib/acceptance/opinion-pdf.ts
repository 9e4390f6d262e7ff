// 验收意见书 as an A4 PDF: the same rows as the print page, in a bordered table, with the signing boxes.
import { stampPages } from '@/lib/pdf/kit';
import { createA4, drawTable, MARGIN_X, MARGIN_Y, signatureBox, titleBlock, type TPdfColumn } from '@/lib/pdf/table';
import type { TOpinionRow } from '@/lib/acceptance/opinion';

const COLUMNS: TPdfColumn<TOpinionRow>[] = [
  { header: '项目', width: 90, center: true, value: (row) => row.label },
  { header: '内容', width: null, value: (row) => row.value },
];

export async function renderOpinionPdf(input: { issuerName: string; rows: TOpinionRow[] }): Promise<Buffer> {
  const { doc, done } = createA4({ title: '党建品牌验收意见书', subject: input.rows[0]?.value ?? '' });
  titleBlock(doc, '党建品牌验收意见书', `主办单位：${input.issuerName}`, '');
  drawTable(doc, COLUMNS, input.rows, { empty: '—' });
  signatureBox(doc, ['验收组组长签字：', '主办单位（盖章）：', '日期：______年____月____日']);
  stampPages(doc, { runningHeader: '党建品牌验收意见书', marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
