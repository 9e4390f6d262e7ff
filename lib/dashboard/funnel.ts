// The funnel of the campaign within the subtree, in total, per field (领域) and per district (the root's children).
import { db } from '@/lib/db';
import { FUNNEL_STAGES, FUNNEL_STAGE_LABELS, type TFunnelCampaign, type TFunnelEntry } from '@/lib/application/funnel';
import type { TFunnelRow, TFunnelSection, TNamed } from '@/lib/dashboard/types';

export const NO_FIELD_ID = 'none';

/** Counts per stage: an entry counts in every stage up to the furthest one it reached. */
function cumulative(reached: readonly number[]): number[] {
  return FUNNEL_STAGES.map((_, index) => reached.filter((value) => value >= index).length);
}

/** The child of the root on an organization's path (the root itself for its own entries). */
export function districtOf(path: string, rootId: string): string {
  const ids = path.split('/').filter(Boolean);
  return ids[ids.indexOf(rootId) + 1] ?? rootId;
}

export async function funnelSection(campaign: TFunnelCampaign, root: TNamed & { path: string }, loading: Promise<TFunnelEntry[]>): Promise<TFunnelSection> {
  const [entries, fields, districts] = await Promise.all([
    loading,
    db.campaignField.findMany({ where: { campaignId: campaign.id }, select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } }),
    db.organization.findMany({ where: { parentId: root.id }, select: { id: true, name: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
  ]);
  const rowsOf = (groups: TNamed[], keyOf: (entry: (typeof entries)[number]) => string): TFunnelRow[] =>
    groups
      .map((group) => ({ ...group, counts: cumulative(entries.filter((entry) => keyOf(entry) === group.id).map((entry) => entry.reached)) }))
      .filter((row) => row.counts[0]! > 0);
  const ownEntries = entries.some((entry) => districtOf(entry.path, root.id) === root.id);
  const totals = cumulative(entries.map((entry) => entry.reached));
  return {
    stages: FUNNEL_STAGES.map((key, index) => ({ key, label: FUNNEL_STAGE_LABELS[key], count: totals[index]! })),
    byField: rowsOf([...fields, { id: NO_FIELD_ID, name: '未选领域' }], (entry) => entry.fieldId ?? NO_FIELD_ID),
    byDistrict: rowsOf([...districts, ...(ownEntries ? [{ id: root.id, name: `${root.name}（本级）` }] : [])], (entry) => districtOf(entry.path, root.id)),
  };
}
