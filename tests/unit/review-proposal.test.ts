import { describe, expect, it } from 'vitest';
import { proposeAwards, type TProposalAward, type TProposalEntry } from '@/lib/review/proposal';

const entry = (id: string, rank: number, score: number, fieldId: string, votes = 0, onsite: TProposalEntry['onsite'] = 'PASSED'): TProposalEntry => ({ applicationId: id, rank, score, votes, fieldId, onsite });
const awards: TProposalAward[] = [
  { id: 'demo', kind: 'DEMONSTRATION', count: 1, fieldId: null, sortOrder: 0 },
  { id: 'top', kind: 'TOP_TEN', count: 2, fieldId: null, sortOrder: 1 },
  { id: 'pop', kind: 'POPULARITY', count: 1, fieldId: null, sortOrder: 2 },
  { id: 'idea', kind: 'CREATIVITY', count: 1, fieldId: null, sortOrder: 3 },
  { id: 'rural', kind: 'BEST_IN_FIELD', count: 1, fieldId: 'rural', sortOrder: 4 },
];

describe('award proposal', () => {
  it('goes down the ranking tier by tier, one award per entry, skipping a failed 实地核验', () => {
    const { proposed, tiedAt } = proposeAwards(
      [
        entry('a', 1, 95, 'city'),
        entry('b', 2, 90, 'rural', 10, 'FAILED'),
        entry('c', 3, 88, 'city', 5),
        entry('d', 4, 85, 'rural', 50),
        entry('e', 5, 80, 'rural', 70),
        entry('f', 6, 70, 'rural', 5),
      ],
      awards,
    );
    // 最佳农村领域 goes to e (best rural entry left); 最佳人气 then to the most voted entry left (f); 最佳创意 is never proposed.
    expect(Object.fromEntries(proposed)).toEqual({ a: 'demo', b: null, c: 'top', d: 'top', e: 'rural', f: 'pop' });
    expect(tiedAt).toEqual([]);
  });

  it('reports an award whose last place is shared by a tie', () => {
    const three = [entry('a', 1, 95, 'x'), entry('b', 2, 90, 'x'), entry('c', 2, 90, 'x')];
    const cut = proposeAwards(three, [{ id: 'demo', kind: 'DEMONSTRATION', count: 2, fieldId: null, sortOrder: 0 }]);
    expect(Object.fromEntries(cut.proposed)).toEqual({ a: 'demo', b: 'demo', c: null });
    expect(cut.tiedAt).toEqual(['demo']);
    const roomForAll = proposeAwards(three, [{ id: 'demo', kind: 'DEMONSTRATION', count: 3, fieldId: null, sortOrder: 0 }]);
    expect(roomForAll.tiedAt).toEqual([]);
  });
});
