// 评审汇总表: per entry the mean of each criterion over the counted sheets, the number of experts, the normalised
// score, the expert score, votes, combined score and rank: lib/review/results (loadRanking) with lib/review/aggregate.
import { db } from '@/lib/db';
import type { TDocumentColumn } from '@/lib/documents/types';
import type { TDocumentKind } from '@/lib/documents/kind';
import { AGGREGATION_LABELS, mean, normaliseByExpert, type TSheetTotal } from '@/lib/review/aggregate';
import { findReviewCampaign } from '@/lib/review/pool';
import { roundScore, tiedPlaceLabel } from '@/lib/review/ranking';
import { loadRanking } from '@/lib/review/results';

const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/**
 * Over the submitted sheets of each entry's counted round: the mean points per criterion, and the normalised score
 * (each expert's totals mapped by z-score onto the points scale, lib/review/aggregate normaliseByExpert, then averaged
 * per entry), shown whatever aggregation the campaign counts.
 */
async function sheetFigures(campaignId: string, countedRound: ReadonlyMap<string, number>, rubricMax: number) {
  const sheets = (
    await db.reviewAssignment.findMany({
      where: { campaignId, submittedAt: { not: null } },
      select: { applicationId: true, expertId: true, round: true, scores: { select: { criterionId: true, points: true } } },
    })
  ).filter((sheet) => countedRound.get(sheet.applicationId) === sheet.round);
  const points = new Map<string, number[]>();
  for (const sheet of sheets) {
    for (const score of sheet.scores) {
      const key = `${sheet.applicationId}:${score.criterionId}`;
      points.set(key, [...(points.get(key) ?? []), Number(score.points)]);
    }
  }
  const totals: TSheetTotal[] = sheets.map((sheet) => ({ expertId: `${sheet.expertId}:${sheet.round}`, entryId: sheet.applicationId, total: sheet.scores.reduce((sum, score) => sum + Number(score.points), 0) }));
  const normalised = normaliseByExpert(totals, rubricMax);
  const byEntry = new Map<string, number[]>();
  for (const [sheet, value] of normalised) byEntry.set(sheet.entryId, [...(byEntry.get(sheet.entryId) ?? []), value]);
  const round2 = (value: number | null) => (value === null ? null : roundScore(value));
  return {
    meanOf: (applicationId: string, criterionId: string) => round2(mean(points.get(`${applicationId}:${criterionId}`) ?? [])),
    normalisedOf: (applicationId: string) => round2(mean(byEntry.get(applicationId) ?? [])),
  };
}

export const reviewSummaryKind: TDocumentKind = {
  label: '评审汇总表',
  description: '专家评审结果：各项指标平均分、评审专家数、标准化得分、专家评分、得票、综合得分和名次',
  audience: 'owner',
  formats: ['pdf', 'xlsx'],
  programs: ['SELECTION'],
  async build({ campaign, user }) {
    const review = await findReviewCampaign(db, campaign.id, user.roles);
    if (!review) return '评选活动不存在或您无权查看';
    const ranking = await loadRanking(review);
    const { meanOf, normalisedOf } = await sheetFigures(campaign.id, new Map(ranking.rows.map((row) => [row.applicationId, row.round])), ranking.rubricMax);
    const criteria = review.rubric?.criteria ?? [];
    const criterionWidth = criteria.length > 6 ? 34 : 44;
    const columns: TDocumentColumn[] = [
      { header: '名次', width: 60, sheetWidth: 10, center: true },
      { header: '品牌名称', width: 110, sheetWidth: 22 },
      { header: '申报单位', width: null, sheetWidth: 24 },
      ...criteria.map((criterion): TDocumentColumn => ({ header: `${criterion.name}（${criterion.maxPoints}）`, width: criterionWidth, sheetWidth: 12, center: true })),
      { header: '专家数', width: 36, sheetWidth: 8, center: true },
      { header: '标准化得分', width: 48, sheetWidth: 10, center: true },
      { header: '专家评分', width: 44, sheetWidth: 10, center: true },
      ...(ranking.votingEnabled ? [{ header: '有效票', width: 40, sheetWidth: 9, center: true }] : []),
      { header: '综合得分', width: 44, sheetWidth: 10, center: true },
    ];
    // Worded for a campaign without points or votes yet, rather than a division by 0.
    const expertPart = ranking.rubricMax > 0 ? `专家评分 ÷ ${ranking.rubricMax} × ${ranking.expertWeight}` : `专家评分 × ${ranking.expertWeight}%（评分标准尚未设分值）`;
    const votePart = !ranking.votingEnabled ? '' : ranking.topVotes > 0 ? ` + 有效票 ÷ ${ranking.topVotes}（最高票数）× ${ranking.voteWeight}` : ` + 得票部分 × ${ranking.voteWeight}%（尚无有效票，计 0 分）`;
    const formula = `专家评分按${AGGREGATION_LABELS[ranking.aggregation]}计；综合得分 = ${expertPart}${votePart}`;
    return {
      title: `${campaign.title} 评审汇总表`,
      subtitle: `共 ${ranking.rows.length} 个品牌；${formula}`,
      landscape: true,
      sections: [
        {
          type: 'table',
          sheetName: '评审汇总表',
          columns,
          rows: ranking.rows.map((row) => [
            row.isTied ? tiedPlaceLabel(row.rank) : row.rank,
            row.brandName,
            row.organizationName,
            ...criteria.map((criterion) => fixed(meanOf(row.applicationId, criterion.id))),
            row.submitted,
            fixed(normalisedOf(row.applicationId)),
            fixed(row.expertScore),
            ...(ranking.votingEnabled ? [row.votes] : []),
            row.score.toFixed(2),
          ]),
          empty: '（暂无评审结果）',
        },
        { type: 'paragraph', text: '各项指标为该品牌计分轮次已提交评分表的平均分；标准化得分为各专家的总分按其本人打分宽严（z 分数）换算回总分尺度后的平均分，用于比较宽严不一的专家。' },
        { type: 'signature', labels: ['评审组长签字：', '监督人签字：', '日期：______年____月____日'] },
      ],
    };
  },
};
