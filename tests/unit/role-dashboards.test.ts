import { describe, expect, it } from 'vitest';
import { compactCount } from '@/lib/bigscreen/format';
import { sortTodos, type TTodoItem } from '@/lib/todo/secretary';
import { expertStanding } from '@/lib/todo/standing';

const item = (title: string, dueAt: string | null, isOverdue = false): TTodoItem => ({ kind: 'ledger', title, dueAt: dueAt ? new Date(dueAt) : null, isOverdue, href: `/${title}` });

describe('role dashboards', () => {
  it('orders the to-do list: overdue first, then by deadline, undated last', () => {
    const sorted = sortTodos([item('c', null), item('b', '2026-12-20T00:00:00Z'), item('a', '2026-12-10T00:00:00Z'), item('late', '2026-11-26T00:00:00Z', true)]);
    expect(sorted.map((row) => row.title)).toEqual(['late', 'a', 'b', 'c']);
  });

  it('counts the expert’s sheets to score now with the earliest deadline', () => {
    const standing = expertStanding([
      { submittedAt: null, stage: 'open', endsAt: new Date('2026-12-20T10:00:00Z') },
      { submittedAt: null, stage: 'open', endsAt: new Date('2026-12-12T10:00:00Z') },
      { submittedAt: new Date(), stage: 'open', endsAt: new Date('2026-12-01T10:00:00Z') },
      { submittedAt: null, stage: 'upcoming', endsAt: new Date('2027-01-01T10:00:00Z') },
      { submittedAt: null, stage: 'closed', endsAt: new Date('2026-11-01T10:00:00Z') },
    ]);
    expect(standing).toEqual({ toScore: 2, submitted: 1, upcoming: 1, nextDeadline: new Date('2026-12-12T10:00:00Z') });
  });

  it('shows big counts in 万 on the 大屏', () => {
    expect([compactCount(0), compactCount(99_999), compactCount(100_000), compactCount(1_234_567)]).toEqual(['0', '99,999', '10.0万', '123.5万']);
  });
});
