// Automatic expert assignment: N experts per entry, no conflicts, a cap per expert, matching fields first, then the
// least loaded. Pure and deterministic for a seed, so the preview the admin sees is exactly what gets committed.
import { conflictOf } from '@/lib/review/conflicts';

export type TAssignExpert = {
  id: string;
  homePath: string | null;
  /** Campaign field ids the expert is matched to (panel of that field, or expertise covering it). */
  fieldIds: readonly string[];
  /** Assignments the expert already holds in this round. */
  load: number;
};

export type TAssignEntry = {
  id: string;
  path: string;
  fieldId: string | null;
  /** Experts already assigned to the entry in this round. */
  assigned: readonly string[];
};

export type TAssignInput = {
  entries: readonly TAssignEntry[];
  experts: readonly TAssignExpert[];
  ownerOrgId: string;
  perEntry: number;
  /** Most entries one expert reviews in the round; null = balanced automatically (see `automaticCap`). */
  cap: number | null;
  declared: ReadonlySet<string>;
  seed?: number;
};

export type TAssignPlan = {
  add: { entryId: string; expertId: string; isFieldMatch: boolean }[];
  /** Entries that end with fewer than `perEntry` experts, and why. */
  shortfalls: { entryId: string; have: number; wanted: number }[];
  cap: number;
  loads: Record<string, number>;
};

/** FNV-1a: a stable tie-break, so equal candidates are not always taken in id order. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** Even spread of the whole round's work over the pool, with one place of slack for conflicts. */
export function automaticCap(input: Pick<TAssignInput, 'entries' | 'experts' | 'perEntry'>): number {
  if (input.experts.length === 0) return 0;
  const total = input.entries.reduce((sum, entry) => sum + Math.max(input.perEntry, entry.assigned.length), 0);
  return Math.ceil(total / input.experts.length) + 1;
}

export function planAssignments(input: TAssignInput): TAssignPlan {
  const seed = input.seed ?? 1;
  const cap = input.cap ?? automaticCap(input);
  const loads: Record<string, number> = Object.fromEntries(input.experts.map((expert) => [expert.id, expert.load]));
  const eligible = new Map(
    input.entries.map((entry) => [
      entry.id,
      input.experts.filter((expert) => !entry.assigned.includes(expert.id) && !conflictOf(expert, entry, input.ownerOrgId, input.declared)),
    ]),
  );
  // Most constrained first: an entry with few possible experts picks before the popular ones are full.
  const order = [...input.entries].sort(
    (a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length || hash(`${seed}:${a.id}`) - hash(`${seed}:${b.id}`),
  );
  const add: TAssignPlan['add'] = [];
  const have = new Map(input.entries.map((entry) => [entry.id, [...entry.assigned]]));
  const matches = (entry: TAssignEntry, expert: TAssignExpert) => !!entry.fieldId && expert.fieldIds.includes(entry.fieldId);
  // One expert per entry per pass, so scarce experts are shared out instead of going to whichever entry came first.
  for (let pass = 0; pass < input.perEntry; pass++) {
    for (const entry of order) {
      const current = have.get(entry.id)!;
      if (current.length >= input.perEntry) continue;
      const [best] = eligible
        .get(entry.id)!
        .filter((expert) => loads[expert.id] < cap && !current.includes(expert.id))
        .sort(
          (a, b) =>
            Number(matches(entry, b)) - Number(matches(entry, a)) ||
            loads[a.id] - loads[b.id] ||
            hash(`${seed}:${entry.id}:${a.id}`) - hash(`${seed}:${entry.id}:${b.id}`),
        );
      if (!best) continue;
      loads[best.id]++;
      current.push(best.id);
      add.push({ entryId: entry.id, expertId: best.id, isFieldMatch: matches(entry, best) });
    }
  }
  const shortfalls = order
    .filter((entry) => have.get(entry.id)!.length < input.perEntry)
    .map((entry) => ({ entryId: entry.id, have: have.get(entry.id)!.length, wanted: input.perEntry }));
  return { add, shortfalls, cap, loads };
}
