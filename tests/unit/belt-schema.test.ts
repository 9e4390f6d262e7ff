import { describe, expect, it } from 'vitest';
import { dayAfter, factorsFor, planForYears, shanghaiDayOf, ZCreateImprovement } from '@/lib/belt/schema';

describe('示范带 schema helpers', () => {
  it('keeps one plan row per program year, whatever was saved', () => {
    expect(planForYears(2026, 3, [{ year: 2027, milestones: '创品牌', done: true }, { year: 2030, milestones: '多余', done: true }, 'x'])).toEqual([
      { year: 2026, milestones: '', done: false },
      { year: 2027, milestones: '创品牌', done: true },
      { year: 2028, milestones: '', done: false },
    ]);
    expect(planForYears(2026, 1, null)).toEqual([{ year: 2026, milestones: '', done: false }]);
  });

  it('keeps one text per program factor, in the program order, dropping others', () => {
    expect(factorsFor(['党建基础', '品牌定位'], { 品牌定位: '定位', 其他: '丢弃', 党建基础: 3 })).toEqual({ 党建基础: '', 品牌定位: '定位' });
    expect(Object.keys(factorsFor(['a', 'b'], []))).toEqual(['a', 'b']);
  });

  it('computes Shanghai days and the first overdue day', () => {
    expect(shanghaiDayOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDayOf(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(dayAfter('2026-02-28')).toBe('2026-03-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });

  it('needs exactly one of a belt and a site for an item', () => {
    const base = { kind: 'PROBLEM', title: '事项', ownerName: '王', dueOn: '2026-12-31' } as const;
    expect(ZCreateImprovement.safeParse({ ...base, beltId: 'b' }).success).toBe(true);
    expect(ZCreateImprovement.safeParse({ ...base }).success).toBe(false);
    expect(ZCreateImprovement.safeParse({ ...base, beltId: 'b', siteId: 's' }).success).toBe(false);
    expect(ZCreateImprovement.safeParse({ ...base, beltId: 'b', ownerUserId: '' }).data?.ownerUserId).toBeNull();
  });
});
