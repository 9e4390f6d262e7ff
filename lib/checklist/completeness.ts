// Completeness of a subject's checklists, pure: the program's lists give the items; the rows give verdicts. An item
// without a row is 未评定, and a row whose index the list no longer has is ignored (a shortened list drops it).
import type { TChecklistTemplate } from '@/lib/demo/templates';

export type TVerdict = 'PENDING' | 'MET' | 'NOT_MET';

export const VERDICT_LABELS: Record<TVerdict, string> = { MET: '达标', NOT_MET: '未达标', PENDING: '未评定' };

export type TVerdictRow = { listKey: string; itemIndex: number; verdict: TVerdict };

export type TListCompleteness = { key: string; name: string; total: number; met: number; notMet: number; pending: number };

export function checklistCompleteness(lists: readonly TChecklistTemplate[], rows: readonly TVerdictRow[]): TListCompleteness[] {
  const verdicts = new Map(rows.map((row) => [`${row.listKey}#${row.itemIndex}`, row.verdict]));
  return lists.map((list) => {
    const counts = { met: 0, notMet: 0, pending: 0 };
    list.items.forEach((_, index) => {
      const verdict = verdicts.get(`${list.key}#${index}`) ?? 'PENDING';
      if (verdict === 'MET') counts.met += 1;
      else if (verdict === 'NOT_MET') counts.notMet += 1;
      else counts.pending += 1;
    });
    return { key: list.key, name: list.name, total: list.items.length, ...counts };
  });
}

/** Every item of every list is 达标. */
export function isComplete(completeness: readonly TListCompleteness[]): boolean {
  return completeness.every((list) => list.met === list.total);
}
