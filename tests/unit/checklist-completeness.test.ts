import { describe, expect, it } from 'vitest';
import { checklistCompleteness, isComplete } from '@/lib/checklist/completeness';
import { FIVE_BASICS, SIX_HAVES } from '@/lib/demo/templates';
import { scoreSheetTotal } from '@/lib/demo-site/assessment-service';
import { keyChecklists } from '@/lib/demo-site/program-service';

describe('checklist completeness', () => {
  it('counts 达标 / 未达标 / 未评定 per list; untouched items are 未评定', () => {
    const counts = checklistCompleteness(
      [FIVE_BASICS, SIX_HAVES],
      [
        { listKey: 'FIVE_BASICS', itemIndex: 0, verdict: 'MET' },
        { listKey: 'FIVE_BASICS', itemIndex: 1, verdict: 'MET' },
        { listKey: 'FIVE_BASICS', itemIndex: 2, verdict: 'NOT_MET' },
        { listKey: 'FIVE_BASICS', itemIndex: 3, verdict: 'PENDING' },
        { listKey: 'SIX_HAVES', itemIndex: 5, verdict: 'NOT_MET' },
      ],
    );
    expect(counts).toEqual([
      { key: 'FIVE_BASICS', name: '五个基本', total: 5, met: 2, notMet: 1, pending: 2 },
      { key: 'SIX_HAVES', name: '六有', total: 6, met: 0, notMet: 1, pending: 5 },
    ]);
    expect(isComplete(counts)).toBe(false);
  });

  it('ignores rows of items a shortened list no longer has, and of other lists', () => {
    const list = { key: 'L1', name: '自定', items: ['甲', '乙'] };
    const counts = checklistCompleteness([list], [
      { listKey: 'L1', itemIndex: 0, verdict: 'MET' },
      { listKey: 'L1', itemIndex: 1, verdict: 'MET' },
      { listKey: 'L1', itemIndex: 2, verdict: 'NOT_MET' },
      { listKey: 'OTHER', itemIndex: 0, verdict: 'NOT_MET' },
    ]);
    expect(counts).toEqual([{ key: 'L1', name: '自定', total: 2, met: 2, notMet: 0, pending: 0 }]);
    expect(isComplete(counts)).toBe(true);
    expect(checklistCompleteness([], [])).toEqual([]);
  });
});

describe('score sheet', () => {
  const sheet = [
    { name: '组织建设', maxPoints: 20 },
    { name: '活动开展', maxPoints: 30 },
  ];
  it('totals valid scores', () => expect(scoreSheetTotal(sheet, [20, 25])).toEqual({ total: 45 }));
  it('refuses a score above its maximum, below zero, or a missing one, naming the criterion', () => {
    expect(scoreSheetTotal(sheet, [21, 30])).toEqual({ errors: { 'scores.0': '“组织建设”的得分须在 0 至 20 分之间' } });
    expect(scoreSheetTotal(sheet, [-1, 31])).toEqual({ errors: { 'scores.0': '“组织建设”的得分须在 0 至 20 分之间', 'scores.1': '“活动开展”的得分须在 0 至 30 分之间' } });
    expect(scoreSheetTotal(sheet, [10])).toEqual({ errors: { scores: '考评表有 2 项，请逐项打分' } });
  });
});

describe('program checklists', () => {
  it('keeps existing keys and gives new lists unused ones', () => {
    expect(keyChecklists([{ key: 'L1', name: '甲', items: ['一'] }, { name: '乙', items: ['二'] }, { name: '丙', items: ['三'] }], 'f').map((list) => list.key)).toEqual(['L1', 'L2', 'L3']);
    expect(() => keyChecklists([{ key: 'A', name: '甲', items: ['一'] }, { key: 'A', name: '乙', items: ['二'] }], 'f')).toThrow('清单标识重复');
  });
});
