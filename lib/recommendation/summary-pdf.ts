import { stampPages } from '@/lib/pdf/kit';
import { createA4, drawTable, MARGIN_X, MARGIN_Y, signatureBox, titleBlock, type TPdfColumn } from '@/lib/pdf/table';
import type { TLevelEntry, TRecommendationLevel } from '@/lib/recommendation/queries';
import { EMPTY_SUMMARY, notRecommendedEntries, recommendedEntries, summaryTitle } from '@/lib/recommendation/summary-export';

type TColumn = TPdfColumn<TLevelEntry>;

const ENTRY_COLUMNS: TColumn[] = [
  { header: '序号', width: 34, center: true, value: (_, index) => String(index + 1) },
  { header: '品牌名称', width: 108, value: (entry) => entry.brandName },
  { header: '申报单位', width: 110, value: (entry) => entry.organizationName },
  { header: '上级党组织', width: 100, value: (entry) => entry.parentName },
  { header: '领域', width: 62, value: (entry) => entry.fieldName },
];

const SUMMARY_COLUMNS: TColumn[] = [
  ...ENTRY_COLUMNS,
  { header: '党组织书记', width: 62, value: (entry) => entry.secretaryName },
  { header: '联系电话', width: 80, value: (entry) => entry.contactPhone },
  { header: '推荐意见', width: null, value: (entry) => entry.opinion },
];

const NOT_RECOMMENDED_COLUMNS: TColumn[] = [...ENTRY_COLUMNS, { header: '不推荐理由', width: null, value: (entry) => entry.reason ?? '' }];

/** The 推荐汇总表 as an A4 landscape PDF: recommended entries in rank order, the entries not recommended, the signing box. */
export async function renderRecommendationSummaryPdf(level: TRecommendationLevel): Promise<Buffer> {
  const title = summaryTitle(level);
  const { doc, done } = createA4({ title: `${level.organization.name} - ${title}`, subject: level.campaign.title, landscape: true });
  titleBlock(doc, title, `推荐单位：${level.organization.name}`, `已推荐 ${recommendedEntries(level).length} / ${level.limit}`);

  drawTable(doc, SUMMARY_COLUMNS, recommendedEntries(level), { empty: EMPTY_SUMMARY });

  const rejected = notRecommendedEntries(level);
  if (rejected.length) {
    doc.moveDown(1.2);
    drawTable(doc, NOT_RECOMMENDED_COLUMNS, rejected, { empty: '', heading: `未推荐（${rejected.length} 个）` });
  }

  signatureBox(doc);
  stampPages(doc, { runningHeader: `${title} · ${level.organization.name}`, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
