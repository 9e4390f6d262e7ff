// From the ranking to a proposed award list: one award per entry; tiers (示范, 十大, 优秀) go down the overall ranking in
// their order, then each 最佳XX领域 to the best remaining entry of its field, 最佳人气 to the most votes. 最佳创意 and
// custom awards are the meeting's own judgement: never proposed. An entry that failed 实地核验 gets nothing.
import type { AwardKind } from '@/lib/generated/prisma/enums';

export type TProposalAward = { id: string; kind: AwardKind; count: number; fieldId: string | null; sortOrder: number };
export type TProposalEntry = { applicationId: string; rank: number; score: number; votes: number; fieldId: string | null; onsite: 'PENDING' | 'PASSED' | 'FAILED' | null };

const TIERS: AwardKind[] = ['DEMONSTRATION', 'TOP_TEN', 'EXCELLENT'];

/** Proposed award per entry id (null = none), and the awards whose last place is shared by a tie. */
export function proposeAwards(entries: readonly TProposalEntry[], awards: readonly TProposalAward[]) {
  const byRank = [...entries].sort((a, b) => a.rank - b.rank);
  const eligible = byRank.filter((entry) => entry.onsite !== 'FAILED');
  const proposed = new Map<string, string | null>(entries.map((entry) => [entry.applicationId, null]));
  const tiedAt: string[] = [];
  const free = (entry: TProposalEntry) => proposed.get(entry.applicationId) === null;
  const give = (award: TProposalAward, candidates: TProposalEntry[], key: (entry: TProposalEntry) => number) => {
    const open = candidates.filter(free);
    const chosen = open.slice(0, award.count);
    for (const entry of chosen) proposed.set(entry.applicationId, award.id);
    const last = chosen.at(-1);
    const next = open[award.count];
    if (last && next && key(last) === key(next)) tiedAt.push(award.id);
  };
  const ordered = [...awards].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const award of ordered.filter((candidate) => TIERS.includes(candidate.kind))) give(award, eligible, (entry) => entry.score);
  for (const award of ordered.filter((candidate) => candidate.kind === 'BEST_IN_FIELD')) {
    give(award, eligible.filter((entry) => entry.fieldId === award.fieldId), (entry) => entry.score);
  }
  for (const award of ordered.filter((candidate) => candidate.kind === 'POPULARITY')) {
    const byVotes = [...eligible].filter((entry) => entry.votes > 0).sort((a, b) => b.votes - a.votes || a.rank - b.rank);
    give(award, byVotes, (entry) => entry.votes);
  }
  return { proposed, tiedAt };
}
