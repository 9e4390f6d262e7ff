// Pure: a checklist's status from the program's copy of its lists ([{key, name, items[]}]) and the verdict rows
// (an item without a row is 未评定), and a belt's three-year plan from its JSON. Shared by the public pages.
import type { ChecklistVerdict } from '@/lib/generated/prisma/enums';

export type TChecklistDefinition = { key: string; name: string; items: string[] };
export type TChecklistStatus = { key: string; name: string; met: number; items: { name: string; verdict: ChecklistVerdict }[] };
export type TPlanYear = { year: number; milestones: string; done: boolean };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The program's lists as stored (Json), ignoring anything malformed. */
export function parseChecklists(value: unknown): TChecklistDefinition[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((list) =>
    typeof list.key === 'string' && typeof list.name === 'string' && Array.isArray(list.items)
      ? [{ key: list.key, name: list.name, items: list.items.filter((item): item is string => typeof item === 'string') }]
      : [],
  );
}

export function checklistStatus(lists: TChecklistDefinition[], rows: { listKey: string; itemIndex: number; verdict: ChecklistVerdict }[]): TChecklistStatus[] {
  const verdicts = new Map(rows.map((row) => [`${row.listKey}#${row.itemIndex}`, row.verdict]));
  return lists.map((list) => {
    const items = list.items.map((name, index) => ({ name, verdict: verdicts.get(`${list.key}#${index}`) ?? ('PENDING' as const) }));
    return { key: list.key, name: list.name, met: items.filter((item) => item.verdict === 'MET').length, items };
  });
}

/** The plan as stored: [{ year, milestones, done }], in year order. */
export function parsePlan(value: unknown): TPlanYear[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .flatMap((entry) =>
      typeof entry.year === 'number' ? [{ year: entry.year, milestones: typeof entry.milestones === 'string' ? entry.milestones : '', done: entry.done === true }] : [],
    )
    .sort((a, b) => a.year - b.year);
}

export const VERDICT_LABELS: Record<ChecklistVerdict, string> = { PENDING: '未评定', MET: '达标', NOT_MET: '未达标' };
