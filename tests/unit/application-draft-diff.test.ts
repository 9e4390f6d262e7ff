import { describe, expect, it } from 'vitest';
import { diffDraft, sameDraft, withFieldsFrom } from '@/components/application/draft-diff';
import { EMPTY_VALUES, type TApplicationValues } from '@/lib/application/schema';

const criteria = [{ id: 'c1', name: '有响亮的品牌名称' }];
const values = (changes: Partial<TApplicationValues>): TApplicationValues => ({ ...EMPTY_VALUES, ...changes });
const fieldName = (id: string) => ({ f1: '城市社区' })[id] ?? id;

describe('diffDraft', () => {
  const base = values({ brandName: '红色管家', practices: '旧的做法', selfAssessment: { c1: '旧自评' } });
  const saved = values({ brandName: '红色管家·新', practices: '另一窗口的做法', selfAssessment: { c1: '旧自评' } });
  const mine = values({ brandName: '红色管家', practices: '我的做法', slogan: '我的口号', fieldId: 'f1', selfAssessment: { c1: '我的自评' } });

  it('lists the fields where mine and the saved version differ, mine first, and says who changed them', () => {
    expect(diffDraft({ mine, saved, base, criteria, fieldName })).toEqual([
      { name: 'fieldId', label: '所属领域', mine: '城市社区', saved: '', changedHere: true },
      { name: 'slogan', label: '品牌口号', mine: '我的口号', saved: '', changedHere: true },
      { name: 'practices', label: '主要做法与成效', mine: '我的做法', saved: '另一窗口的做法', changedHere: true },
      { name: 'selfAssessment.c1', label: '自评：有响亮的品牌名称', mine: '我的自评', saved: '旧自评', changedHere: true },
      { name: 'brandName', label: '品牌名称', mine: '红色管家', saved: '红色管家·新', changedHere: false },
    ]);
  });

  it('does not know who changed a field without the base, and ignores the spaces the server trims', () => {
    expect(diffDraft({ mine: values({ slogan: ' 口号 ', honors: '荣誉' }), saved: values({ slogan: '口号' }), criteria, fieldName })).toEqual([
      { name: 'honors', label: '所获荣誉', mine: '荣誉', saved: '', changedHere: null },
    ]);
    expect(sameDraft(values({ slogan: '口号\n' }), values({ slogan: '口号' }), criteria)).toBe(true);
    expect(sameDraft(values({ selfAssessment: { c1: 'a' } }), values({}), criteria)).toBe(false);
  });
});

describe('withFieldsFrom', () => {
  it('takes the refused fields from the stored version and leaves the input untouched', () => {
    const sent = values({ brandName: '太长的名称', slogan: '新口号', selfAssessment: { c1: '新', c2: '新二' } });
    const stored = values({ brandName: '旧名称', selfAssessment: { c1: '旧' } });
    expect(withFieldsFrom(sent, stored, ['brandName', 'selfAssessment.c1'])).toEqual(values({ brandName: '旧名称', slogan: '新口号', selfAssessment: { c1: '旧', c2: '新二' } }));
    expect(sent.brandName).toBe('太长的名称');
  });
});
