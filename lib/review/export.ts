// Review outputs: the ranking, score tables per expert and per entry (Excel), and the signed decision sheets (Excel, A4 PDF).
import ExcelJS from 'exceljs';
import { workbookBuffer } from '@/lib/export/workbook';
import { db } from '@/lib/db';
import { addTableSheet, type TTableColumn } from '@/lib/export/table-sheet';
import { formatDate, formatDateTime } from '@/lib/format';
import { stampPages } from '@/lib/pdf/kit';
import { createA4, drawTable, MARGIN_X, MARGIN_Y, signatureBox, titleBlock, type TPdfColumn } from '@/lib/pdf/table';
import { DECISION_KIND_LABELS, type TDecisionDetail } from '@/lib/review/decision-queries';
import { tiedPlaceLabel } from '@/lib/review/ranking';
import type { TReviewCampaign } from '@/lib/review/pool';
import type { TRanking, TRankingRow } from '@/lib/review/results';

const num = (value: number | null) => (value === null ? '' : value.toFixed(2));

/** Every sheet with its scores, for the per-expert and per-entry tables. */
async function loadSheets(campaignId: string) {
  return db.reviewAssignment.findMany({
    where: { campaignId },
    select: {
      round: true,
      submittedAt: true,
      expert: { select: { displayName: true } },
      application: { select: { id: true, brandName: true, organization: { select: { name: true } } } },
      scores: { select: { criterionId: true, points: true, comment: true } },
    },
    orderBy: [{ expert: { displayName: 'asc' } }, { round: 'asc' }],
  });
}

type TSheet = Awaited<ReturnType<typeof loadSheets>>[number];

export async function buildReviewWorkbook(campaign: TReviewCampaign, ranking: TRanking): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建品牌选树平台';
  const criteria = campaign.rubric?.criteria ?? [];
  const rankingColumns: TTableColumn<TRankingRow>[] = [
    { header: '名次', width: 10, value: (row) => (row.isTied ? tiedPlaceLabel(row.rank) : String(row.rank)) },
    { header: '品牌名称', width: 22, value: (row) => row.brandName },
    { header: '申报单位', width: 24, value: (row) => row.organizationName },
    { header: '领域', width: 12, value: (row) => row.fieldName },
    { header: '领域内名次', width: 10, value: (row) => (row.isFieldTied ? tiedPlaceLabel(row.fieldRank) : String(row.fieldRank)) },
    { header: '专家评分', width: 10, value: (row) => num(row.expertScore) },
    { header: '平均分', width: 9, value: (row) => num(row.mean) },
    { header: '去极值平均', width: 10, value: (row) => num(row.trimmedMean) },
    { header: '极差', width: 7, value: (row) => row.spread },
    { header: '有效票', width: 9, value: (row) => row.votes },
    { header: '专家得分', width: 9, value: (row) => row.expertPoints.toFixed(2) },
    { header: '投票得分', width: 9, value: (row) => row.votePoints.toFixed(2) },
    { header: '综合得分', width: 9, value: (row) => row.score.toFixed(2) },
    { header: '提示', width: 18, value: (row) => [row.isDisputed && '建议复议', row.onsite === 'FAILED' && '实地核验未通过', row.submitted < row.assigned && `评分未齐 ${row.submitted}/${row.assigned}`].filter(Boolean).join('；') },
  ];
  const formula = `综合得分 = 专家评分 ÷ ${ranking.rubricMax} × ${ranking.expertWeight}${ranking.votingEnabled ? ` + 有效票 ÷ ${ranking.topVotes} × ${ranking.voteWeight}` : ''}`;
  addTableSheet(workbook, '综合排名', { title: `${campaign.title} 评审排名`, subtitle: formula, empty: '（暂无评审结果）' }, rankingColumns, ranking.rows);

  const sheets = await loadSheets(campaign.id);
  const total = (sheet: TSheet) => sheet.scores.reduce((sum, score) => sum + Number(score.points), 0);
  const scoreOf = (sheet: TSheet, criterionId: string) => {
    const score = sheet.scores.find((row) => row.criterionId === criterionId);
    return score ? Number(score.points) : '';
  };
  const sheetColumns: TTableColumn<TSheet>[] = [
    { header: '评审专家', width: 12, value: (sheet) => sheet.expert.displayName },
    { header: '品牌名称', width: 22, value: (sheet) => sheet.application.brandName },
    { header: '申报单位', width: 22, value: (sheet) => sheet.application.organization.name },
    { header: '轮次', width: 6, value: (sheet) => sheet.round },
    ...criteria.map((criterion): TTableColumn<TSheet> => ({ header: `${criterion.name}（${criterion.maxPoints}）`, width: 12, value: (sheet) => scoreOf(sheet, criterion.id) })),
    { header: '合计', width: 8, value: (sheet) => total(sheet) },
    { header: '评语', width: 36, value: (sheet) => sheet.scores.map((score) => score.comment).filter(Boolean).join('；') },
    { header: '提交时间', width: 17, value: (sheet) => (sheet.submittedAt ? formatDateTime(sheet.submittedAt) : '未提交') },
  ];
  addTableSheet(workbook, '按专家', { title: `${campaign.title} 专家评分表（按专家）`, subtitle: `共 ${sheets.length} 份评分表`, empty: '（尚未分配评审）' }, sheetColumns, sheets);
  const byEntry = [...sheets].sort((a, b) => a.application.brandName.localeCompare(b.application.brandName, 'zh-CN') || a.round - b.round);
  addTableSheet(workbook, '按品牌', { title: `${campaign.title} 专家评分表（按品牌）`, subtitle: `共 ${sheets.length} 份评分表`, empty: '（尚未分配评审）' }, [sheetColumns[1], sheetColumns[2], sheetColumns[0], ...sheetColumns.slice(3)], byEntry);
  return workbookBuffer(workbook);
}

/** The same content as the workbook as an A4 landscape PDF: ranking, then the sheets by expert and by entry. */
export async function renderReviewPdf(campaign: TReviewCampaign, ranking: TRanking): Promise<Buffer> {
  const title = `${campaign.title} 专家评审结果`;
  const { doc, done } = createA4({ title, subject: campaign.title, landscape: true });
  const formula = `综合得分 = 专家评分 ÷ ${ranking.rubricMax} × ${ranking.expertWeight}${ranking.votingEnabled ? ` + 有效票 ÷ ${ranking.topVotes} × ${ranking.voteWeight}` : ''}`;
  titleBlock(doc, title, formula, `共 ${ranking.rows.length} 个品牌`);
  const rankingColumns: TPdfColumn<TRankingRow>[] = [
    { header: '名次', width: 56, center: true, value: (row) => (row.isTied ? tiedPlaceLabel(row.rank) : String(row.rank)) },
    { header: '品牌名称', width: 120, value: (row) => row.brandName },
    { header: '申报单位', width: 118, value: (row) => row.organizationName },
    { header: '领域', width: 60, value: (row) => row.fieldName },
    { header: '专家评分', width: 56, center: true, value: (row) => num(row.expertScore) },
    { header: '有效票', width: 50, center: true, value: (row) => String(row.votes) },
    { header: '综合得分', width: 56, center: true, value: (row) => row.score.toFixed(2) },
    { header: '提示', width: null, value: (row) => [row.isDisputed && '建议复议', row.onsite === 'FAILED' && '实地核验未通过', row.submitted < row.assigned && `评分未齐 ${row.submitted}/${row.assigned}`].filter(Boolean).join('；') },
  ];
  drawTable(doc, rankingColumns, ranking.rows, { empty: '（暂无评审结果）', heading: '综合排名' });
  const sheets = await loadSheets(campaign.id);
  const criteria = campaign.rubric?.criteria ?? [];
  const total = (sheet: TSheet) => sheet.scores.reduce((sum, score) => sum + Number(score.points), 0);
  const sheetColumns = (first: 'expert' | 'entry'): TPdfColumn<TSheet>[] => {
    const expert: TPdfColumn<TSheet> = { header: '评审专家', width: 70, value: (sheet) => sheet.expert.displayName };
    const entry: TPdfColumn<TSheet> = { header: '品牌名称', width: 110, value: (sheet) => `${sheet.application.brandName}${sheet.round > 1 ? `（第 ${sheet.round} 轮）` : ''}` };
    return [
      ...(first === 'expert' ? [expert, entry] : [entry, expert]),
      ...criteria.map((criterion): TPdfColumn<TSheet> => ({
        header: criterion.name.slice(0, 6),
        width: 44,
        center: true,
        value: (sheet) => {
          const score = sheet.scores.find((row) => row.criterionId === criterion.id);
          return score ? String(Number(score.points)) : '';
        },
      })),
      { header: '合计', width: 40, center: true, value: (sheet) => String(total(sheet)) },
      { header: '评语', width: null, value: (sheet) => sheet.scores.map((score) => score.comment).filter(Boolean).join('；') },
    ];
  };
  doc.addPage();
  drawTable(doc, sheetColumns('expert'), sheets, { empty: '（尚未分配评审）', heading: '专家评分表（按专家）' });
  doc.addPage();
  const byEntry = [...sheets].sort((a, b) => a.application.brandName.localeCompare(b.application.brandName, 'zh-CN') || a.round - b.round);
  drawTable(doc, sheetColumns('entry'), byEntry, { empty: '（尚未分配评审）', heading: '专家评分表（按品牌）' });
  stampPages(doc, { runningHeader: title, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}

type TDecisionRow = TDecisionDetail['items'][number];

function decisionColumns(awardName: ReadonlyMap<string, string>) {
  const awards = (row: TDecisionRow) => (row.awardIds.length ? row.awardIds.map((id) => awardName.get(id) ?? '').join('、') : '不授奖');
  return {
    excel: [
      { header: '名次', width: 7, value: (row: TDecisionRow) => row.rank },
      { header: '品牌名称', width: 22, value: (row: TDecisionRow) => row.application.brandName },
      { header: '申报单位', width: 24, value: (row: TDecisionRow) => row.application.organization.name },
      { header: '领域', width: 12, value: (row: TDecisionRow) => row.application.field?.name ?? '' },
      { header: '综合得分', width: 9, value: (row: TDecisionRow) => row.score.toFixed(2) },
      { header: '决定', width: 18, value: awards },
      { header: '调整理由', width: 30, value: (row: TDecisionRow) => row.changeReason ?? '' },
    ] satisfies TTableColumn<TDecisionRow>[],
    pdf: [
      { header: '名次', width: 34, center: true, value: (row: TDecisionRow) => String(row.rank) },
      { header: '品牌名称', width: 120, value: (row: TDecisionRow) => row.application.brandName },
      { header: '申报单位', width: 130, value: (row: TDecisionRow) => row.application.organization.name },
      { header: '综合得分', width: 56, center: true, value: (row: TDecisionRow) => row.score.toFixed(2) },
      { header: '决定', width: 100, value: awards },
      { header: '调整理由', width: null, value: (row: TDecisionRow) => row.changeReason ?? '' },
    ] satisfies TPdfColumn<TDecisionRow>[],
  };
}

const decisionTitle = (campaignTitle: string, decision: TDecisionDetail) => `${campaignTitle} ${DECISION_KIND_LABELS[decision.kind]}决定表`;
const decisionLine = (decision: TDecisionDetail) =>
  `会议日期：${formatDate(decision.meetingDate)}    参会人员：${decision.attendees}    ${decision.signedAt ? `签署：${decision.signedBy?.displayName ?? ''} ${formatDateTime(decision.signedAt)}` : '（草稿，未签署）'}    第 ${decision.version} 版`;

export async function buildDecisionWorkbook(campaignTitle: string, decision: TDecisionDetail, awardName: ReadonlyMap<string, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建品牌选树平台';
  addTableSheet(workbook, DECISION_KIND_LABELS[decision.kind], { title: decisionTitle(campaignTitle, decision), subtitle: decisionLine(decision), empty: '' }, decisionColumns(awardName).excel, decision.items);
  return workbookBuffer(workbook);
}

export async function renderDecisionPdf(campaignTitle: string, decision: TDecisionDetail, awardName: ReadonlyMap<string, string>): Promise<Buffer> {
  const title = decisionTitle(campaignTitle, decision);
  const { doc, done } = createA4({ title, subject: campaignTitle, landscape: true });
  titleBlock(doc, title, `会议日期：${formatDate(decision.meetingDate)}    参会人员：${decision.attendees}`, decision.signedAt ? `第 ${decision.version} 版 · 已签署` : `第 ${decision.version} 版 · 草稿`);
  if (decision.correctionReason) doc.text(`更正理由：${decision.correctionReason}`, MARGIN_X, doc.y).moveDown(0.5);
  const awarded = decision.items.filter((item) => item.awardIds.length);
  drawTable(doc, decisionColumns(awardName).pdf, awarded, { empty: '（未授予任何奖项）', heading: `授奖品牌（${awarded.length} 个）` });
  const others = decision.items.filter((item) => !item.awardIds.length);
  if (others.length) {
    doc.moveDown(1.2);
    drawTable(doc, decisionColumns(awardName).pdf, others, { empty: '', heading: `未授奖（${others.length} 个）` });
  }
  signatureBox(doc, ['会议主持人签字：', '记录人签字：', '日期：______年____月____日']);
  stampPages(doc, { runningHeader: title, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
