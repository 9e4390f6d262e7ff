import { describe, expect, it } from 'vitest';
import { EMPTY_VALUES, draftSchema, submitSchema, type TFormRules } from '@/lib/application/schema';

const rules: TFormRules = { nameMaxLength: 8, fieldIds: ['f1', 'f2'], criteria: [{ id: 'c1', name: '有组织' }, { id: 'c2', name: '有阵地' }] };

const complete = {
  ...EMPTY_VALUES,
  fieldId: 'f1',
  brandName: '红心向党',
  slogan: '一心向党',
  essence: '内涵',
  carriers: '载体',
  norms: '规范',
  practices: '做法',
  secretaryName: '张三',
  contactName: '李四',
  contactPhone: '13812345678',
  selfAssessment: { c1: '好', c2: '好' },
};

describe('draft schema', () => {
  it('accepts an empty form and drops self-assessments of unknown criteria', () => {
    const parsed = draftSchema(rules).parse({ ...EMPTY_VALUES, selfAssessment: { c1: '一', other: '二' } });
    expect(parsed.selfAssessment).toEqual({ c1: '一' });
  });
  it('still caps lengths, in Chinese', () => {
    const result = draftSchema(rules).safeParse({ ...EMPTY_VALUES, brandName: '一二三四五六七八九' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('品牌名称不能超过 8 个字');
  });
});

describe('submit schema', () => {
  it('accepts a complete form', () => {
    expect(submitSchema(rules).safeParse(complete).success).toBe(true);
  });
  it('names every missing piece', () => {
    const result = submitSchema(rules).safeParse({ ...complete, brandName: '', contactPhone: '1234', fieldId: 'x', selfAssessment: { c1: '好' } });
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({
      brandName: '请填写品牌名称',
      contactPhone: '请填写正确的 11 位手机号码',
      fieldId: '请选择所属领域',
      'selfAssessment.c2': '请填写“有阵地”的自评',
    });
  });
});
