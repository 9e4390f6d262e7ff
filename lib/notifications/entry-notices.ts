// Notices about one entry (申报) to its branch: the secretaries whose role covers the declaring organization, i.e.
// those who can revise and resubmit it. The link opens the declaration form.
import type { TTx } from '@/lib/db';
import type { TNotificationKind } from '@/lib/notifications/kinds';
import { notify } from '@/lib/notifications/service';

export type TEntryFacts = { brand: string; campaignTitle: string; campaignId: string; applicationId: string; recipients: string[] };

/**
 * What a notice about the entry needs, in one query: its brand and campaign, and the secretaries who get it. Read it
 * before a contended lock (a quota row) and send after: the lock is then held for one more statement only.
 */
export async function loadEntryBranch(tx: TTx, applicationId: string): Promise<TEntryFacts> {
  const rows = await tx.$queryRaw<{ brand: string; campaignTitle: string; campaignId: string; recipients: string[] }[]>`
    SELECT a.brand_name AS brand, c.title AS "campaignTitle", c.id AS "campaignId",
      coalesce((SELECT array_agg(DISTINCT u.id ORDER BY u.id) FROM role_assignments ra
        JOIN users u ON u.id = ra.user_id AND NOT u.is_disabled
        JOIN organizations ro ON ro.id = ra.organization_id AND ro.is_active
        WHERE ra.role = 'BRANCH_SECRETARY' AND ra.organization_id = ANY(string_to_array(trim(both '/' from o.path), '/'))), '{}') AS recipients
    FROM applications a JOIN campaigns c ON c.id = a.campaign_id JOIN organizations o ON o.id = a.organization_id
    WHERE a.id = ${applicationId}`;
  if (!rows[0]) throw new Error(`申报 ${applicationId} 不存在`);
  return { ...rows[0], brand: rows[0].brand || '申报表', applicationId };
}

export type TEntryNotice = { kind: TNotificationKind; title: (entry: TEntryFacts) => string; body?: string };

export function sendEntryNotice(tx: TTx, entry: TEntryFacts, notice: TEntryNotice): Promise<string[]> {
  return notify(tx, entry.recipients, {
    kind: notice.kind,
    title: notice.title(entry),
    body: notice.body,
    link: `/declare/${entry.applicationId}`,
    campaignId: entry.campaignId,
  });
}

export async function notifyEntryBranch(tx: TTx, applicationId: string, notice: TEntryNotice): Promise<string[]> {
  return sendEntryNotice(tx, await loadEntryBranch(tx, applicationId), notice);
}
