// Review progress: score sheets assigned and submitted, per expert and per 专家组, for the entries of the subtree.
import { db } from '@/lib/db';
import { applicationInSubtree, count } from '@/lib/dashboard/sql';
import type { TReviewRow, TReviewSection } from '@/lib/dashboard/types';

type TRow = { id: string; name: string; assigned: bigint; submitted: bigint };
const toRow = (row: TRow): TReviewRow => ({ id: row.id, name: row.name, assigned: count(row.assigned), submitted: count(row.submitted) });

export async function reviewSection(campaignId: string, rootPath: string): Promise<TReviewSection> {
  const [byExpert, byPanel] = await Promise.all([
    db.$queryRaw<TRow[]>`
      SELECT u.id, u.display_name AS name, count(*) AS assigned, count(ra.submitted_at) AS submitted
      FROM review_assignments ra JOIN users u ON u.id = ra.expert_id
      WHERE ra.campaign_id = ${campaignId} AND ${applicationInSubtree('ra.application_id', rootPath)}
      GROUP BY u.id, u.display_name ORDER BY count(ra.submitted_at)::float / count(*), u.display_name`,
    db.$queryRaw<TRow[]>`
      SELECT p.id, p.name, count(ra.id) AS assigned, count(ra.submitted_at) AS submitted
      FROM expert_panels p
      JOIN expert_panel_members m ON m.panel_id = p.id
      JOIN review_assignments ra ON ra.expert_id = m.expert_id AND ra.campaign_id = p.campaign_id
      WHERE p.campaign_id = ${campaignId} AND ${applicationInSubtree('ra.application_id', rootPath)}
      GROUP BY p.id, p.name, p.sort_order ORDER BY p.sort_order, p.name`,
  ]);
  return { byExpert: byExpert.map(toRow), byPanel: byPanel.map(toRow) };
}
