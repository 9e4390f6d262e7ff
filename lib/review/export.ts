// Review outputs: the ranking and the score tables per expert and per entry (Excel, A4 PDF). The signed decision sheets
// are official documents: lib/documents/kinds/decision.ts.
import { db } from '@/lib/db';
import { addTableSheet, type TTableColumn } from '@/lib/export/table-sheet';
import { tableWorkbookBuffer } from '@/lib/export/workbook';
import { stampPages } from '@/lib/pdf/kit';
import { createA4, drawTable, MARGIN_X, MARGIN_Y, titleBlock, type TPdfColumn } from '@/lib/pdf/table';
import { tiedPlaceLabel } from '@/lib/review/ranking';
import type { TReviewCampaign } from '@/lib/review/pool';
import type { TRanking, TRankingRow } from '@/lib/review/results';

const num = (value: number | null) => (value === null ? '' : value.toFixed(2));
/** One collator for the whole sort: localeCompare with a locale builds one per comparison. */
const BRAND_ORDER = new Intl.Collator('zh-CN');

type TSheet = {
  round: number;
  /** 提交时间 as formatDateTime writes it (2026年11月22日 09:05), null while not submitted. */
  submitted: string | null;
  expert: { displayName: string };
  application: { id: string; brandName: string; organization: { name: string } };
  scores: { criterionId: string; points: number; comment: string }[];
};

/**
 * Every sheet with its scores (in the rubric's order), for the per-expert and per-entry tables: one query, the scores
 * as a JSON array per sheet (Prisma's nested select sent five queries with 5,000-id lists at province scale). The
 * time is formatted here, in formatDateTime's pattern: formatDateTime costs ~20 µs a call, 10,000 calls in the file.
 */
async function loadSheets(campaignId: string): Promise<TSheet[]> {
  const rows = await db.$queryRaw<(Omit<TSheet, 'expert' | 'application'> & { expertName: string; applicationId: string; brandName: string; organizationName: string })[]>`
    SELECT a.round, to_char(a.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY"年"FMMM"月"FMDD"日" HH24:MI') AS submitted, u.display_name AS "expertName", ap.id AS "applicationId", ap.brand_name AS "brandName", o.name AS "organizationName",
      COALESCE((SELECT json_agg(json_build_object('criterionId', s.criterion_id, 'points', s.points, 'comment', s.comment) ORDER BY c.sort_order, c.id)
        FROM review_scores s JOIN criteria c ON c.id = s.criterion_id WHERE s.assignment_id = a.id), '[]') AS scores
    FROM review_assignments a JOIN users u ON u.id = a.expert_id JOIN applications ap ON ap.id = a.application_id JOIN organizations o ON o.id = ap.organization_id
    WHERE a.campaign_id = ${campaignId}
    ORDER BY u.display_name, a.round`;
  return rows.map((row) => ({
    round: row.round,
    submitted: row.submitted,
    expert: { displayName: row.expertName },
    application: { id: row.applicationId, brandName: row.brandName, organization: { name: row.organizationName } },
    scores: row.scores,
  }));
}

export async function buildReviewWorkbook(campaign: TReviewCampaign, ranking: TRanking): Promise<Buffer> {
  const sheets = await loadSheets(campaign.id);
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
    { header: '提交时间', width: 17, value: (sheet) => sheet.submitted ?? '未提交' },
  ];
  const byEntry = [...sheets].sort((a, b) => BRAND_ORDER.compare(a.application.brandName, b.application.brandName) || a.round - b.round);
  return tableWorkbookBuffer((workbook) => {
    addTableSheet(workbook, '综合排名', { title: `${campaign.title} 评审排名`, subtitle: formula, empty: '（暂无评审结果）' }, rankingColumns, ranking.rows);
    addTableSheet(workbook, '按专家', { title: `${campaign.title} 专家评分表（按专家）`, subtitle: `共 ${sheets.length} 份评分表`, empty: '（尚未分配评审）' }, sheetColumns, sheets);
    addTableSheet(workbook, '按品牌', { title: `${campaign.title} 专家评分表（按品牌）`, subtitle: `共 ${sheets.length} 份评分表`, empty: '（尚未分配评审）' }, [sheetColumns[1], sheetColumns[2], sheetColumns[0], ...sheetColumns.slice(3)], byEntry);
  });
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
  const byEntry = [...sheets].sort((a, b) => BRAND_ORDER.compare(a.application.brandName, b.application.brandName) || a.round - b.round);
  drawTable(doc, sheetColumns('entry'), byEntry, { empty: '（尚未分配评审）', heading: '专家评分表（按品牌）' });
  stampPages(doc, { runningHeader: title, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
