import type { TBrandListGroup } from '@/lib/brand-list/groups';

type TProps = { groups: TBrandListGroup[]; detail: 'fieldName' | 'regionName' };

/** The brands of a published list under one heading per field or region, numbered within the group. */
export function PublicBrandGroups({ groups, detail }: TProps) {
  return (
    <div className="space-y-6">
      {groups.map((group, index) => {
        const headingId = `brand-group-${index}`;
        return (
          <section key={group.name} aria-labelledby={headingId}>
            <h3 id={headingId} className="mb-2 flex items-baseline justify-between gap-3 border-l-4 border-brand-700 pl-3 text-base font-semibold text-stone-900">
              <span className="min-w-0 break-words">{group.name}</span>
              <span className="shrink-0 text-sm font-normal text-stone-600">{group.entries.length} 个</span>
            </h3>
            <ol className="divide-y divide-stone-100 overflow-hidden rounded-lg border border-stone-200 bg-white">
              {group.entries.map((entry, entryIndex) => (
                <li key={entry.applicationId} className="flex gap-3 px-4 py-3">
                  <span className="w-6 shrink-0 pt-0.5 text-right text-sm tabular-nums text-stone-400" aria-hidden>{entryIndex + 1}</span>
                  <div className="min-w-0">
                    <p className="break-words font-medium text-stone-900">{entry.brandName}</p>
                    <p className="break-words text-sm text-stone-600">{entry.organizationName}</p>
                    <p className="text-xs text-stone-600">{entry[detail]}</p>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
