import { describe, expect, it } from 'vitest';
import { planAssignments, type TAssignEntry, type TAssignExpert } from '@/lib/review/assignment';
import { conflictOf, declaredKey, treeConflict } from '@/lib/review/conflicts';

// Sample tree: city / (east district / (committee / branch1, branch2), west district / branch3); city is the owner.
const P = {
  city: '/city/',
  east: '/city/east/',
  committee: '/city/east/committee/',
  branch1: '/city/east/committee/branch1/',
  branch2: '/city/east/committee/branch2/',
  west: '/city/west/',
  branch3: '/city/west/branch3/',
  team: '/city/east/committee/branch1/team/',
};

describe('conflicts from the tree', () => {
  it('conflicts with the entry’s own organization, its ancestors below the owner, and its descendants', () => {
    expect(treeConflict(P.branch1, P.branch1, 'city')).toBe('SAME_ORGANIZATION');
    expect(treeConflict(P.committee, P.branch1, 'city')).toBe('ANCESTOR');
    expect(treeConflict(P.east, P.branch1, 'city')).toBe('ANCESTOR');
    expect(treeConflict(P.team, P.branch1, 'city')).toBe('DESCENDANT');
  });

  it('does not conflict with the owner (组织部), siblings or other districts', () => {
    expect(treeConflict(P.city, P.branch1, 'city')).toBeNull();
    expect(treeConflict(P.branch2, P.branch1, 'city')).toBeNull();
    expect(treeConflict(P.west, P.branch1, 'city')).toBeNull();
    expect(treeConflict(P.branch3, P.branch1, 'city')).toBeNull();
    expect(treeConflict(null, P.branch1, 'city')).toBeNull();
    // In a district's own campaign the district is the owner: its experts conflict with nobody there.
    expect(treeConflict(P.east, P.branch1, 'east')).toBeNull();
    expect(treeConflict(P.committee, P.branch1, 'east')).toBe('ANCESTOR');
  });

  it('adds declared conflicts', () => {
    const declared = new Set([declaredKey('x', 'e1')]);
    expect(conflictOf({ id: 'x', homePath: P.west }, { id: 'e1', path: P.branch1 }, 'city', declared)).toBe('DECLARED');
    expect(conflictOf({ id: 'x', homePath: P.west }, { id: 'e2', path: P.branch1 }, 'city', declared)).toBeNull();
  });
});

describe('automatic assignment', () => {
  const entry = (id: string, path: string, fieldId: string | null = 'f1'): TAssignEntry => ({ id, path, fieldId, assigned: [] });
  const expert = (id: string, homePath: string | null, fieldIds: string[] = []): TAssignExpert => ({ id, homePath, fieldIds, load: 0 });

  it('prefers experts of the entry’s field, then the least loaded, and never a conflicted one', () => {
    const plan = planAssignments({
      entries: [entry('e1', P.branch1)],
      experts: [expert('own', P.committee, ['f1']), expert('match', P.west, ['f1']), expert('other', P.city), expert('other2', P.branch3)],
      ownerOrgId: 'city',
      perEntry: 2,
      cap: 5,
      declared: new Set(),
    });
    const picked = plan.add.map((row) => row.expertId);
    expect(picked).toHaveLength(2);
    expect(picked[0]).toBe('match');
    expect(['other', 'other2']).toContain(picked[1]);
    expect(plan.add.find((row) => row.expertId === 'match')!.isFieldMatch).toBe(true);
    expect(plan.shortfalls).toEqual([]);
  });

  it('reports a shortfall when conflicts and caps leave too few experts', () => {
    const plan = planAssignments({
      entries: [entry('e1', P.branch1), entry('e2', P.branch2)],
      experts: [expert('a', P.committee), expert('b', P.west), expert('c', P.city)],
      ownerOrgId: 'city',
      perEntry: 3,
      cap: 1,
      declared: new Set(),
    });
    expect(plan.add).toHaveLength(2);
    expect(plan.shortfalls).toEqual([
      { entryId: expect.any(String), have: 1, wanted: 3 },
      { entryId: expect.any(String), have: 1, wanted: 3 },
    ]);
  });

  it('keeps the experts already assigned and only tops up', () => {
    const plan = planAssignments({
      entries: [{ ...entry('e1', P.branch1), assigned: ['b'] }],
      experts: [{ ...expert('b', P.west), load: 1 }, expert('c', P.city), expert('d', P.branch3)],
      ownerOrgId: 'city',
      perEntry: 2,
      cap: null,
      declared: new Set(),
    });
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0].expertId).not.toBe('b');
  });

  // Property-style: many random trees, pools and campaigns; whatever the plan, no conflict is ever assigned, no expert
  // exceeds the cap, no entry gets an expert twice, and every entry has N experts or is reported short.
  it('never assigns a conflict and respects caps on 300 random campaigns', () => {
    let state = 20261123;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    for (let round = 0; round < 300; round++) {
      const paths = ['/root/'];
      for (let index = 0; index < 6 + Math.floor(random() * 40); index++) paths.push(`${pick(paths)}n${round}x${index}/`);
      const owner = random() < 0.7 ? '/root/' : pick(paths);
      const ownerId = owner.split('/').filter(Boolean).at(-1)!;
      const below = paths.filter((path) => path.startsWith(owner) && path !== owner);
      if (below.length === 0) continue;
      const fields = ['f1', 'f2', 'f3'];
      const entries = Array.from({ length: 1 + Math.floor(random() * 30) }, (_, index) => entry(`e${index}`, pick(below), pick(fields)));
      const experts = Array.from({ length: 1 + Math.floor(random() * 15) }, (_, index) =>
        expert(`x${index}`, random() < 0.1 ? null : pick(paths), fields.filter(() => random() < 0.4)),
      );
      const declared = new Set(entries.flatMap((item) => experts.filter(() => random() < 0.05).map((person) => declaredKey(person.id, item.id))));
      const perEntry = 1 + Math.floor(random() * 5);
      const cap = random() < 0.5 ? null : 1 + Math.floor(random() * 8);
      const plan = planAssignments({ entries, experts, ownerOrgId: ownerId, perEntry, cap, declared, seed: round });

      const byId = new Map(experts.map((person) => [person.id, person]));
      const entryById = new Map(entries.map((item) => [item.id, item]));
      for (const row of plan.add) {
        expect(conflictOf(byId.get(row.expertId)!, entryById.get(row.entryId)!, ownerId, declared)).toBeNull();
      }
      const pairs = plan.add.map((row) => `${row.entryId}:${row.expertId}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      for (const person of experts) expect(plan.add.filter((row) => row.expertId === person.id).length).toBeLessThanOrEqual(plan.cap);
      for (const item of entries) {
        const got = plan.add.filter((row) => row.entryId === item.id).length;
        const short = plan.shortfalls.find((row) => row.entryId === item.id);
        if (short) expect(short.have).toBe(got);
        else expect(got).toBe(perEntry);
      }
    }
  });
});
