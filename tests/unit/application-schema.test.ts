import { describe, expect, it } from 'vitest';
import { EMPTY_VALUES, parseDraft, submitSchema, type TFormRules } from '@/lib/application/schema';

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

describe('draft parsing', () => {
  it('accepts an empty form and drops self-assessments of unknown criteria', () => {
    const parsed = parseDraft(rules, { ...EMPTY_VALUES, selfAssessment: { c1: '一', other: '二' } });
    expect(parsed.fieldErrors).toEqual({});
    expect(parsed.values.selfAssessment).toEqual({ c1: '一' });
  });
  it('names each field over its cap, in Chinese, and keeps every other field', () => {
    const parsed = parseDraft(rules, { ...EMPTY_VALUES, brandName: '一二三四五六七八九', slogan: '口号', selfAssessment: { c1: '长'.repeat(501), c2: '好' } });
    expect(parsed.fieldErrors).toEqual({ brandName: '品牌名称不能超过 8 个字', 'selfAssessment.c1': '自评不能超过 500 个字' });
    expect(parsed.values).toMatchObject({ slogan: '口号', selfAssessment: { c2: '好' } });
    expect(parsed.values).not.toHaveProperty('brandName');
  });
  it('leaves out fields the body does not carry, and refuses a body that is no form', () => {
    expect(parseDraft(rules, { slogan: '只改口号' }).values).toEqual({ slogan: '只改口号' });
    expect(() => parseDraft(rules, 'x')).toThrow();
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
      contactPhone: '请填写正确的联系电话（手机号或带区号的座机号）',
      fieldId: '请选择所属领域',
      'selfAssessment.c2': '请填写“有阵地”的自评',
    });
  });
});
