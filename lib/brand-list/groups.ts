export type TBrandListEntryView = { applicationId: string; brandName: string; organizationName: string; fieldName: string; regionName: string };
export type TBrandListGroup = { name: string; entries: TBrandListEntryView[] };

/** Groups entries by a name, groups in order of first appearance (entries are stored field by field, region by region). */
export function groupEntries(entries: readonly TBrandListEntryView[], key: 'fieldName' | 'regionName'): TBrandListGroup[] {
  const groups = new Map<string, TBrandListEntryView[]>();
  for (const entry of entries) {
    const group = groups.get(entry[key]);
    if (group) group.push(entry);
    else groups.set(entry[key], [entry]);
  }
  return [...groups].map(([name, grouped]) => ({ name, entries: grouped }));
}
