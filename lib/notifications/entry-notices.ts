// Notices about one entry (申报) to its branch: the secretaries whose role covers the declaring organization (granted
// there or at an ancestor: the ids in its path), i.e. those who can revise and resubmit it. The link opens the form.
import { randomUUID } from 'node:crypto';
import type { TTx } from '@/lib/db';
import type { TNotificationKind } from '@/lib/notifications/kinds';

export type TEntryNotice = {
  kind: TNotificationKind;
  /** `{org}` is replaced by the name of `orgId` (e.g. the recommending level), then `{brand}` by the brand name. */
  title: string;
  body?: string;
  orgId?: string;
};

/**
 * One statement: recipients, brand, campaign and title are resolved by the INSERT itself. Services call it inside
 * contended locks (a quota row, an objection row), so it costs them one round trip and no reads before.
 */
export async function notifyEntryBranch(tx: TTx, applicationId: string, notice: TEntryNotice): Promise<string[]> {
  const rows = await tx.$queryRaw<{ recipient_id: string }[]>`
    INSERT INTO notifications (id, recipient_id, kind, title, body, link, campaign_id)
    SELECT ${randomUUID()} || '-' || row_number() OVER (), r.id, ${notice.kind},
      replace(replace(${notice.title}::text, '{org}', coalesce(lvl.name, '')), '{brand}', coalesce(nullif(a.brand_name, ''), '申报表')),
      ${notice.body ?? ''}, '/declare/' || a.id, a.campaign_id
    FROM applications a
    JOIN organizations o ON o.id = a.organization_id
    LEFT JOIN organizations lvl ON lvl.id = ${notice.orgId ?? null}
    CROSS JOIN LATERAL (
      SELECT DISTINCT u.id FROM role_assignments ra
      JOIN users u ON u.id = ra.user_id AND NOT u.is_disabled
      JOIN organizations ro ON ro.id = ra.organization_id AND ro.is_active
      WHERE ra.role = 'BRANCH_SECRETARY' AND ra.organization_id = ANY(string_to_array(trim(both '/' from o.path), '/'))
    ) r
    WHERE a.id = ${applicationId}
    RETURNING recipient_id`;
  return rows.map((row) => row.recipient_id);
}
