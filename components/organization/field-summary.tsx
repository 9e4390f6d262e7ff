import { ORG_FIELD_LABELS, ORG_FIELDS } from '@/lib/org-tree/fields';
import type { TFieldCount } from '@/lib/organization/queries';

/** Active organizations and members per field (领域) of the admin's scope. */
export function FieldSummary({ counts }: { counts: TFieldCount[] }) {
  const byField = new Map(counts.map((count) => [count.field, count]));
  const tiles = [
    ...ORG_FIELDS.map((field) => ({ key: field, label: ORG_FIELD_LABELS[field], count: byField.get(field) })),
    ...(byField.has(null) ? [{ key: 'none', label: '未设领域', count: byField.get(null) }] : []),
  ];
  return (
    <section aria-labelledby="field-summary-title" className="mb-6">
      <h2 id="field-summary-title" className="mb-2 text-sm font-semibold text-stone-700">各领域党组织（不含已停用）</h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        {tiles.map((tile) => (
          <li key={tile.key} className="rounded-lg border border-stone-200 bg-white px-3 py-2 shadow-sm">
            <p className="flex items-baseline justify-between gap-2 lg:block">
              <span className="block truncate text-xs text-stone-600" title={tile.label}>{tile.label}</span>
              <span className="text-lg font-bold text-brand-700 lg:text-xl">
                {tile.count?.organizations ?? 0}
                <span className="ml-0.5 text-xs font-normal text-stone-500">个</span>
              </span>
            </p>
            <p className="text-xs text-stone-500">党员 {tile.count?.members ?? 0} 人</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
