import { describe, expect, it } from 'vitest';
import { commentBodyProblem, containsLink } from '@/lib/demo-public/comment-rules';
import { checklistStatus, parseChecklists, parsePlan } from '@/lib/demo-public/progress';

describe('public comment rules', () => {
  it('finds links in every spelling', () => {
    for (const text of ['http://a.b', 'HTTPS://x', 'www.gov', 'abc.com', 'a-b.cn/x', 'ｗｗｗ．ｑｑ．ｃｏｍ', 'test。com', 'x.top']) expect(containsLink(text), text).toBe(true);
    for (const text of ['开放时间 8.30', '第3.2条', '请联系 0571-88886666', '邮件中心', 'vs.', '共有12.5万人']) expect(containsLink(text), text).toBe(false);
  });

  it('says what is wrong with a body', () => {
    expect(commentBodyProblem(' ')).toBe('请填写意见内容（至少 2 个字）');
    expect(commentBodyProblem('好'.repeat(500))).toBeNull();
    expect(commentBodyProblem('好'.repeat(501))).toBe('意见内容不能超过 500 字（现有 501 字）');
    expect(commentBodyProblem('看 www.x.cn')).toMatch(/不能包含网址或链接/);
  });
});

describe('checklist progress', () => {
  it('counts 达标 per list; an item without a verdict row is 未评定', () => {
    const lists = parseChecklists([{ key: 'A', name: '五个基本', items: ['一', '二', '三'] }, { bad: true }]);
    const status = checklistStatus(lists, [
      { listKey: 'A', itemIndex: 0, verdict: 'MET' },
      { listKey: 'A', itemIndex: 2, verdict: 'NOT_MET' },
      { listKey: 'B', itemIndex: 0, verdict: 'MET' },
    ]);
    expect(status).toEqual([
      { key: 'A', name: '五个基本', met: 1, items: [{ name: '一', verdict: 'MET' }, { name: '二', verdict: 'PENDING' }, { name: '三', verdict: 'NOT_MET' }] },
    ]);
  });

  it('reads a plan in year order', () => {
    expect(parsePlan([{ year: 2027, milestones: 'b' }, { year: 2026, milestones: 'a', done: true }, 'x'])).toEqual([
      { year: 2026, milestones: 'a', done: true },
      { year: 2027, milestones: 'b', done: false },
    ]);
  });
});
