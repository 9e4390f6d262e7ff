import { describe, expect, it } from 'vitest';
import { entryAwardProblems, fitsField, type TRuleAward } from '@/lib/review/award-rules';
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
  it('goes down the ranking with one 等次奖 per entry; 最佳领域 and 最佳人气 go to the best, on top of a 等次奖; a failed 实地核验 gets nothing', () => {
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
    // b failed its check: d is the best rural entry and also 十大; e has the most votes. 最佳创意 is never proposed.
    expect(Object.fromEntries(proposed)).toEqual({ a: ['demo'], b: [], c: ['top'], d: ['top', 'rural'], e: ['pop'], f: [] });
    expect(tiedAt).toEqual([]);
  });

  it('gives the most voted entry 最佳人气 even when it holds a 等次奖 (十大 and 最佳人气 together)', () => {
    const { proposed } = proposeAwards([entry('a', 1, 95, 'x', 90), entry('b', 2, 90, 'x', 10)], awards.filter((award) => award.id !== 'rural'));
    expect(Object.fromEntries(proposed)).toEqual({ a: ['demo', 'pop'], b: ['top'] });
  });

  it('reports an award whose last place is shared by a tie', () => {
    const three = [entry('a', 1, 95, 'x'), entry('b', 2, 90, 'x'), entry('c', 2, 90, 'x')];
    const cut = proposeAwards(three, [{ id: 'demo', kind: 'DEMONSTRATION', count: 2, fieldId: null, sortOrder: 0 }]);
    expect(Object.fromEntries(cut.proposed)).toEqual({ a: ['demo'], b: ['demo'], c: [] });
    expect(cut.tiedAt).toEqual(['demo']);
    const roomForAll = proposeAwards(three, [{ id: 'demo', kind: 'DEMONSTRATION', count: 3, fieldId: null, sortOrder: 0 }]);
    expect(roomForAll.tiedAt).toEqual([]);
  });
});

describe('award rules', () => {
  const rule = (id: string, kind: TRuleAward['kind'], fieldId: string | null = null): TRuleAward => ({ id, name: `${id}奖`, kind, fieldId });
  const fieldName = (fieldId: string | null) => ({ rural: '农村', city: '机关' })[fieldId ?? ''] ?? '其他';
  const ruralEntry = { brandName: '渔港红帆', fieldId: 'rural' };

  it('lets a 单项奖 come on top of one 等次奖', () => {
    expect(entryAwardProblems(ruralEntry, [rule('十大', 'TOP_TEN'), rule('人气', 'POPULARITY'), rule('创意', 'CREATIVITY'), rule('农村', 'BEST_IN_FIELD', 'rural')], fieldName)).toEqual([]);
    expect(entryAwardProblems(ruralEntry, [], fieldName)).toEqual([]);
  });

  it('refuses two 等次奖, a 最佳领域 of another field and the same award twice', () => {
    expect(entryAwardProblems(ruralEntry, [rule('十大', 'TOP_TEN'), rule('优秀', 'EXCELLENT')], fieldName)).toEqual(['“渔港红帆”只能获得一个等次奖，不能同时获得“十大奖”和“优秀奖”']);
    expect(entryAwardProblems(ruralEntry, [rule('机关', 'BEST_IN_FIELD', 'city')], fieldName)).toEqual(['“机关奖”只能授予机关领域的品牌，“渔港红帆”属于农村']);
    expect(entryAwardProblems(ruralEntry, [rule('人气', 'POPULARITY'), rule('人气', 'POPULARITY')], fieldName)).toEqual(['“渔港红帆”重复选择了“人气奖”']);
    expect(fitsField(rule('机关', 'BEST_IN_FIELD', 'city'), null)).toBe(false);
    expect(fitsField(rule('人气', 'POPULARITY'), null)).toBe(true);
  });
});
