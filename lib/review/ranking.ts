// The combined ranking: expert points and vote points under the campaign's weights, ranked with ties shown.

/** 2 decimals, the precision shown on every table: two entries that read the same are tied. */
export const roundScore = (value: number) => Math.round(value * 100) / 100;

/**
 * Expert points = expert score ÷ rubric maximum × expert weight; vote points = valid votes ÷ the top entry's valid votes
 * × vote weight (0 when nobody has votes yet). Weights are percentages summing to 100, so the combined score is out of 100.
 */
export function combinedScore(input: { expertScore: number | null; rubricMax: number; expertWeight: number; votes: number; topVotes: number; voteWeight: number }) {
  const expertPoints = input.expertScore === null || input.rubricMax <= 0 ? 0 : (input.expertScore / input.rubricMax) * input.expertWeight;
  const votePoints = input.topVotes > 0 ? (input.votes / input.topVotes) * input.voteWeight : 0;
  return { expertPoints: roundScore(expertPoints), votePoints: roundScore(votePoints), total: roundScore(expertPoints + votePoints) };
}

/** How a shared place reads everywhere (tables, candidate lists, exports): 并列第1名 at the top just as at the cut-off. */
export const tiedPlaceLabel = (rank: number) => `并列第${rank}名`;

/** Standard competition ranking (1, 2, 2, 4) on `score` descending; `isTied` marks entries sharing their place. */
export function rankWithTies<T extends { score: number }>(items: readonly T[]): (T & { rank: number; isTied: boolean })[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const counts = new Map<number, number>();
  for (const item of sorted) counts.set(item.score, (counts.get(item.score) ?? 0) + 1);
  let rank = 0;
  return sorted.map((item, index) => {
    if (index === 0 || sorted[index - 1].score !== item.score) rank = index + 1;
    return { ...item, rank, isTied: counts.get(item.score)! > 1 };
  });
}
