// From the ranking to a proposed award list (lib/review/award-rules.ts says what combines): the 等次奖 (示范, 十大,
// 优秀) go down the overall ranking in their order, one per entry; each 最佳XX领域 goes to the best entries of its
// field and 最佳人气 to the most votes, whether or not those entries already hold a 等次奖. 最佳创意 and custom awards
// are the meeting's own judgement: never proposed. An entry that failed 实地核验 gets nothing.
import type { AwardKind } from '@/lib/generated/prisma/enums';
import { isGradeAward } from '@/lib/review/award-rules';

export type TProposalAward = { id: string; kind: AwardKind; count: number; fieldId: string | null; sortOrder: number };
export type TProposalEntry = { applicationId: string; rank: number; score: number; votes: number; fieldId: string | null; onsite: 'PENDING' | 'PASSED' | 'FAILED' | null };

/** Proposed awards per entry id (in award order; empty = none), and the awards whose last place is shared by a tie. */
export function proposeAwards(entries: readonly TProposalEntry[], awards: readonly TProposalAward[]) {
  const byRank = [...entries].sort((a, b) => a.rank - b.rank);
  const eligible = byRank.filter((entry) => entry.onsite !== 'FAILED');
  const proposed = new Map<string, string[]>(entries.map((entry) => [entry.applicationId, []]));
  const tiedAt: string[] = [];
  // One 等次奖 per entry; of the other kinds, two awards of the same kind (two 最佳人气) do not go to one entry either.
  const held = new Set<string>();
  const kindOf = (award: TProposalAward) => (isGradeAward(award.kind) ? 'GRADE' : award.kind);
  const give = (award: TProposalAward, candidates: TProposalEntry[], key: (entry: TProposalEntry) => number) => {
    const open = candidates.filter((entry) => !held.has(`${entry.applicationId}:${kindOf(award)}`));
    const chosen = open.slice(0, award.count);
    for (const entry of chosen) {
      proposed.get(entry.applicationId)!.push(award.id);
      held.add(`${entry.applicationId}:${kindOf(award)}`);
    }
    const last = chosen.at(-1);
    const next = open[award.count];
    if (last && next && key(last) === key(next)) tiedAt.push(award.id);
  };
  const ordered = [...awards].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const award of ordered.filter((candidate) => isGradeAward(candidate.kind))) give(award, eligible, (entry) => entry.score);
  for (const award of ordered.filter((candidate) => candidate.kind === 'BEST_IN_FIELD')) {
    give(award, eligible.filter((entry) => entry.fieldId === award.fieldId), (entry) => entry.score);
  }
  for (const award of ordered.filter((candidate) => candidate.kind === 'POPULARITY')) {
    const byVotes = eligible.filter((entry) => entry.votes > 0).sort((a, b) => b.votes - a.votes || a.rank - b.rank);
    give(award, byVotes, (entry) => entry.votes);
  }
  const order = new Map(ordered.map((award, index) => [award.id, index]));
  for (const ids of proposed.values()) ids.sort((a, b) => order.get(a)! - order.get(b)!);
  return { proposed, tiedAt };
}
