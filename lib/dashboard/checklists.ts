// 示范点 and 示范带 by checklist completion: the share of their programs' checklist items judged 达标, in five buckets.
// Sites are counted by their organization, belts by their owner; revoked sites (摘牌) are left out.
import { db } from '@/lib/db';
import { parseChecklists } from '@/lib/checklist/subject';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { count } from '@/lib/dashboard/sql';
import type { TCompletionBucket } from '@/lib/dashboard/types';

export const COMPLETION_BUCKETS = [
  { key: '0', label: '未开始（0%）' },
  { key: '1-49', label: '1%–49%' },
  { key: '50-79', label: '50%–79%' },
  { key: '80-99', label: '80%–99%' },
  { key: '100', label: '全部达标' },
] as const;

export function completionBucket(met: number, total: number): string {
  if (total <= 0 || met <= 0) return '0';
  const share = met / total;
  if (share >= 1) return '100';
  return share >= 0.8 ? '80-99' : share >= 0.5 ? '50-79' : '1-49';
}

type TRow = { id: string; checklists: unknown; met: bigint };
const itemsOf = (value: unknown) => parseChecklists(value).reduce((sum, list) => sum + list.items.length, 0);

export async function checklistSection(rootPath: string): Promise<TCompletionBucket[]> {
  const pattern = subtreeLikePattern(rootPath);
  const [sites, belts] = await Promise.all([
    db.$queryRaw<TRow[]>`
      SELECT s.id, p.site_checklists AS checklists, (SELECT count(*) FROM checklist_items ci WHERE ci.site_id = s.id AND ci.verdict = 'MET') AS met
      FROM demo_sites s JOIN demo_programs p ON p.id = s.program_id JOIN organizations o ON o.id = s.organization_id
      WHERE s.status <> 'REVOKED' AND o.path LIKE ${pattern}`,
    db.$queryRaw<TRow[]>`
      SELECT bl.id, p.belt_checklists AS checklists, (SELECT count(*) FROM checklist_items ci WHERE ci.belt_id = bl.id AND ci.verdict = 'MET') AS met
      FROM demo_belts bl JOIN demo_programs p ON p.id = bl.program_id JOIN organizations o ON o.id = bl.owner_org_id
      WHERE o.path LIKE ${pattern}`,
  ]);
  const bucketsOf = (rows: TRow[]) => rows.map((row) => completionBucket(count(row.met), itemsOf(row.checklists)));
  const siteBuckets = bucketsOf(sites);
  const beltBuckets = bucketsOf(belts);
  return COMPLETION_BUCKETS.map((bucket) => ({
    ...bucket,
    sites: siteBuckets.filter((key) => key === bucket.key).length,
    belts: beltBuckets.filter((key) => key === bucket.key).length,
  }));
}
