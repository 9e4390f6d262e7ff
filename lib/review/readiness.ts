// Whether the ranking is final enough for the 部务会 / 领导小组 to decide on it. Pure, from the ranking rows.
import type { TRankingRow } from '@/lib/review/results';

const names = (rows: readonly Pick<TRankingRow, 'brandName'>[]) =>
  rows
    .slice(0, 3)
    .map((row) => `“${row.brandName || '未命名品牌'}”`)
    .join('、') + (rows.length > 3 ? ` 等 ${rows.length} 个品牌` : '');

/** What still moves in the ranking, as sentences (empty when nothing does): unsubmitted sheets, a 复议 under way. */
export function reviewBlockers(rows: readonly Pick<TRankingRow, 'brandName' | 'submitted' | 'assigned' | 'pending'>[]): string[] {
  const blockers: string[] = [];
  const unsubmitted = rows.filter((row) => !row.pending && row.submitted < row.assigned);
  if (unsubmitted.length) blockers.push(`${names(unsubmitted)}还有专家未提交评分（请延长专家评审让专家提交，或移除未提交的评分表）`);
  const disputes = rows.filter((row) => row.pending);
  if (disputes.length) blockers.push(`${names(disputes)}的复议尚未完成（复议评分全部提交后以复议结果为准）`);
  return blockers;
}
