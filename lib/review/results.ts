// The ranking: submitted expert sheets aggregated per entry, valid votes, on-site results, combined under the
// campaign's weights, overall and per field, ties shown. Two grouped SQL queries do the counting; the rest is pure.
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type TTx } from '@/lib/db';
import { aggregateScores, countedRounds, type TCountedRound, type TSheetTotal } from '@/lib/review/aggregate';
import { loadReviewEntries, type TReviewCampaign } from '@/lib/review/pool';
import { combinedScore, rankWithTies, roundScore } from '@/lib/review/ranking';

type TRankingCampaign = Pick<
  TReviewCampaign,
  'id' | 'scoreAggregation' | 'disputeSpread' | 'expertWeight' | 'voteWeight' | 'fields' | 'rubric' | 'stages'
>;

export type TRankingRow = {
  applicationId: string;
  brandName: string;
  organizationName: string;
  fieldId: string | null;
  fieldName: string;
  /** Sheets counted and sheets assigned in the round counted (lib/review/aggregate.ts countedRounds). */
  submitted: number;
  assigned: number;
  round: number;
  /** A 复议 round under way: it replaces `round` once all its sheets are submitted. */
  pending: TCountedRound['pending'];
  expertScore: number | null;
  mean: number | null;
  trimmedMean: number | null;
  normalised: number | null;
  spread: number;
  isDisputed: boolean;
  votes: number;
  expertPoints: number;
  votePoints: number;
  score: number;
  rank: number;
  isTied: boolean;
  fieldRank: number;
  isFieldTied: boolean;
  onsite: 'PENDING' | 'PASSED' | 'FAILED' | null;
};

/** Totals of every submitted sheet, with its round. */
async function sheetTotals(client: typeof db | TTx, campaignId: string) {
  return client.$queryRaw<{ applicationId: string; expertId: string; round: number; total: Prisma.Decimal }[]>`
    SELECT a.application_id AS "applicationId", a.expert_id AS "expertId", a.round, COALESCE(SUM(s.points), 0) AS total
    FROM review_assignments a LEFT JOIN review_scores s ON s.assignment_id = a.id
    WHERE a.campaign_id = ${campaignId} AND a.submitted_at IS NOT NULL
    GROUP BY a.id`;
}

/** Valid votes per entry, from the tallies the votes triggers keep exact in every vote's transaction (migration 0032). */
export async function validVoteCounts(client: typeof db | TTx, campaignId: string): Promise<Map<string, number>> {
  const rows = await client.$queryRaw<{ applicationId: string; votes: bigint }[]>`
    SELECT application_id AS "applicationId", SUM(valid_votes)::bigint AS votes FROM vote_entry_tallies
    WHERE campaign_id = ${campaignId} GROUP BY application_id HAVING SUM(valid_votes) > 0`;
  return new Map(rows.map((row) => [row.applicationId, Number(row.votes)]));
}

export async function loadRanking(campaign: TRankingCampaign, client: typeof db | TTx = db) {
  const entries = await loadReviewEntries(client, campaign.id);
  const totals = await sheetTotals(client, campaign.id);
  const votes = await validVoteCounts(client, campaign.id);
  const assignedRows = await client.reviewAssignment.groupBy({ by: ['applicationId', 'round'], where: { campaignId: campaign.id }, _count: { _all: true } });
  const onsite = await client.onsiteCheck.findMany({ where: { campaignId: campaign.id }, select: { applicationId: true, result: true } });

  // 复议 replaces a round only once complete (countedRounds).
  const submittedCount = new Map<string, number>();
  for (const row of totals) submittedCount.set(`${row.applicationId}:${row.round}`, (submittedCount.get(`${row.applicationId}:${row.round}`) ?? 0) + 1);
  const rounds = countedRounds(
    assignedRows.map((row) => ({ entryId: row.applicationId, round: row.round, assigned: row._count._all, submitted: submittedCount.get(`${row.applicationId}:${row.round}`) ?? 0 })),
  );
  const counted: TSheetTotal[] = totals
    .filter((row) => row.round === (rounds.get(row.applicationId)?.round ?? 1))
    .map((row) => ({ expertId: `${row.expertId}:${row.round}`, entryId: row.applicationId, total: Number(row.total) }));
  const rubricMax = (campaign.rubric?.criteria ?? []).reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  const scores = aggregateScores(counted, { max: rubricMax, aggregation: campaign.scoreAggregation, spreadLimit: campaign.disputeSpread });
  const topVotes = Math.max(0, ...entries.map((entry) => votes.get(entry.id) ?? 0));
  const votingEnabled = campaign.stages.some((stage) => stage.kind === 'VOTING' && stage.isEnabled);
  const fieldNames = new Map(campaign.fields.map((field) => [field.id, field.name]));
  const assignedCount = new Map(assignedRows.map((row) => [`${row.applicationId}:${row.round}`, row._count._all]));
  const onsiteResult = new Map(onsite.map((row) => [row.applicationId, row.result]));

  const rows = entries.map((entry) => {
    const score = scores.get(entry.id);
    const round = rounds.get(entry.id)?.round ?? 1;
    const entryVotes = votes.get(entry.id) ?? 0;
    const combined = combinedScore({
      expertScore: score?.score ?? null,
      rubricMax,
      expertWeight: campaign.expertWeight,
      votes: entryVotes,
      topVotes: votingEnabled ? topVotes : 0,
      voteWeight: campaign.voteWeight,
    });
    const round2 = (value: number | null | undefined) => (value === null || value === undefined ? null : roundScore(value));
    return {
      applicationId: entry.id,
      brandName: entry.brandName,
      organizationName: entry.organization.name,
      fieldId: entry.fieldId,
      fieldName: (entry.fieldId && fieldNames.get(entry.fieldId)) || '未分领域',
      submitted: score?.count ?? 0,
      assigned: assignedCount.get(`${entry.id}:${round}`) ?? 0,
      round,
      pending: rounds.get(entry.id)?.pending ?? null,
      expertScore: round2(score?.score),
      mean: round2(score?.mean),
      trimmedMean: round2(score?.trimmedMean),
      normalised: round2(score?.normalised),
      spread: roundScore(score?.spread ?? 0),
      isDisputed: score?.isDisputed ?? false,
      votes: entryVotes,
      expertPoints: combined.expertPoints,
      votePoints: combined.votePoints,
      score: combined.total,
      onsite: onsiteResult.get(entry.id) ?? null,
    };
  });
  const overall = rankWithTies(rows);
  const byField = new Map<string, { rank: number; isTied: boolean }>();
  for (const fieldId of new Set(rows.map((row) => row.fieldId ?? ''))) {
    for (const ranked of rankWithTies(rows.filter((row) => (row.fieldId ?? '') === fieldId))) byField.set(ranked.applicationId, { rank: ranked.rank, isTied: ranked.isTied });
  }
  const ranking: TRankingRow[] = overall.map((row) => ({ ...row, fieldRank: byField.get(row.applicationId)!.rank, isFieldTied: byField.get(row.applicationId)!.isTied }));
  return { rows: ranking, rubricMax, topVotes, votingEnabled, expertWeight: campaign.expertWeight, voteWeight: campaign.voteWeight, aggregation: campaign.scoreAggregation };
}

export type TRanking = Awaited<ReturnType<typeof loadRanking>>;
