import { FIELD_LABELS, FORM_TEXT_KEYS } from '@/lib/application/schema';

type TSnapshot = Record<string, unknown>;

export type TFieldChange = { label: string; before: string; after: string };

const COMPARED: { key: string; label: string }[] = [
  { key: 'fieldName', label: FIELD_LABELS.fieldId },
  ...FORM_TEXT_KEYS.map((key) => ({
    key,
    label: FIELD_LABELS[key],
  })),
];

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Field-by-field changes from one submitted version to the next, self-assessment criteria included. */
export function diffSnapshots(previous: unknown, next: unknown): TFieldChange[] {
  const before = (previous ?? {}) as TSnapshot;
  const after = (next ?? {}) as TSnapshot;
  const changes = COMPARED.filter(({ key }) => text(before[key]) !== text(after[key])).map(({ key, label }) => ({ label, before: text(before[key]), after: text(after[key]) }));
  const criteria = Array.isArray(after.criteria) ? (after.criteria as { id: string; name: string }[]) : [];
  const beforeTexts = (before.selfAssessment ?? {}) as TSnapshot;
  const afterTexts = (after.selfAssessment ?? {}) as TSnapshot;
  for (const criterion of criteria) {
    if (text(beforeTexts[criterion.id]) !== text(afterTexts[criterion.id])) {
      changes.push({ label: `自评：${criterion.name}`, before: text(beforeTexts[criterion.id]), after: text(afterTexts[criterion.id]) });
    }
  }
  return changes;
}
