import { FIELD_LABELS, type TApplicationValues } from '@/lib/application/schema';

type TCriterion = { id: string; name: string };

/** One field where this window's text and the saved version differ. */
export type TDraftDifference = {
  /** The form's field path (`brandName`, `selfAssessment.<criterion>`). */
  name: string;
  label: string;
  mine: string;
  saved: string;
  /** Whether this window changed the field (false: the difference comes from the other window); null if unknown. */
  changedHere: boolean | null;
};

const ORDER = ['fieldId', 'secretaryName', 'contactName', 'contactPhone', 'brandName', 'slogan', 'essence', 'carriers', 'norms', 'practices', 'honors'] as const;

/** The text at a field path of the form's values ('' when absent). */
export function draftValueAt(values: Partial<TApplicationValues> | undefined, name: string): string {
  if (!values) return '';
  const value = name.startsWith('selfAssessment.') ? values.selfAssessment?.[name.slice('selfAssessment.'.length)] : values[name as (typeof ORDER)[number]];
  return typeof value === 'string' ? value : '';
}

const same = (a: string, b: string) => a.trim() === b.trim();

/**
 * The fields where `mine` differs from `saved`, in form order, those changed in this window first. `base` (the version `mine` was typed on) tells
 * whether this window made the change; the 所属领域 shows the field's name, not its id.
 */
export function diffDraft(input: {
  mine: Partial<TApplicationValues>;
  saved: Partial<TApplicationValues>;
  base?: Partial<TApplicationValues>;
  criteria: readonly TCriterion[];
  fieldName: (id: string) => string;
}): TDraftDifference[] {
  const names = [...ORDER.map((name) => ({ name, label: FIELD_LABELS[name] as string })), ...input.criteria.map((criterion) => ({ name: `selfAssessment.${criterion.id}`, label: `自评：${criterion.name}` }))];
  const shown = (name: string, value: string) => (name === 'fieldId' && value ? input.fieldName(value) : value);
  const rows = names.flatMap(({ name, label }) => {
    const mine = draftValueAt(input.mine, name);
    const saved = draftValueAt(input.saved, name);
    if (same(mine, saved)) return [];
    const changedHere = input.base ? !same(mine, draftValueAt(input.base, name)) : null;
    return [{ name, label, mine: shown(name, mine), saved: shown(name, saved), changedHere }];
  });
  // The fields this window changed first: they are what the user has to decide on.
  return [...rows.filter((row) => row.changedHere !== false), ...rows.filter((row) => row.changedHere === false)];
}

/** Equal as far as the draft is concerned (the server trims every text). */
export function sameDraft(a: Partial<TApplicationValues>, b: Partial<TApplicationValues>, criteria: readonly TCriterion[]): boolean {
  return diffDraft({ mine: a, saved: b, criteria, fieldName: (id) => id }).length === 0;
}

/** `values` with the given fields taken from `from` (fields the server refused keep their stored text). */
export function withFieldsFrom(values: TApplicationValues, from: TApplicationValues, names: string[]): TApplicationValues {
  const result = structuredClone(values);
  for (const name of names) {
    if (name.startsWith('selfAssessment.')) {
      const key = name.slice('selfAssessment.'.length);
      result.selfAssessment = { ...result.selfAssessment, [key]: from.selfAssessment?.[key] ?? '' };
    } else if (name in result && name !== 'selfAssessment') {
      (result as Record<string, unknown>)[name] = (from as Record<string, unknown>)[name];
    }
  }
  return result;
}
