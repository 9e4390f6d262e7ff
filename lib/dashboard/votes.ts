// The vote curve: valid and invalidated votes per hour (Asia/Shanghai) with the hours that hold a rigging flag
// (lib/voting/flags) marked. The organizer's department sees every flag; a committee only those about its own
// entries (票数突增) or units (单位投票人数超过党员人数) — the other rules are about addresses, not entries. The flags are
// the last detection of any instance (lib/voting/flag-snapshot: at most about a minute old), never computed per view.
import { db } from '@/lib/db';
import { recentFlags } from '@/lib/voting/flag-snapshot';
import { count } from '@/lib/dashboard/sql';
import type { TVoteFlagMark, TVoteSection } from '@/lib/dashboard/types';

/** "2026-11-02 09:00", the Shanghai hour a moment falls in. */
export function shanghaiHour(moment: Date): string {
  return `${new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 13).replace('T', ' ')}:00`;
}

type THourRow = { hour: Date; valid: bigint; invalid: bigint };

/**
 * Every vote of the campaign by hour: one range count per hour on the (campaign, created_at, invalidated_at) index —
 * an index-only walk with no sort; grouping a million rows by an hour expression made Postgres sort them all on disk.
 * Hours are whole in Asia/Shanghai (UTC+8), so UTC hour boundaries are Shanghai's.
 */
function campaignHours(campaignId: string) {
  return db.$queryRaw<THourRow[]>`
    WITH bounds AS (SELECT min(created_at) AS first, max(created_at) AS last FROM votes WHERE campaign_id = ${campaignId})
    SELECT h AS hour, c.valid, c.invalid
    FROM bounds, generate_series(date_bin('1 hour', bounds.first, TIMESTAMPTZ '2000-01-01'), bounds.last, interval '1 hour') AS h,
      LATERAL (SELECT count(*) FILTER (WHERE v.invalidated_at IS NULL) AS valid, count(v.invalidated_at) AS invalid
        FROM votes v WHERE v.campaign_id = ${campaignId} AND v.created_at >= h AND v.created_at < h + interval '1 hour') AS c
    WHERE c.valid + c.invalid > 0
    ORDER BY h`;
}

/** A subtree's votes come through the (campaign, application) index: its entries are a small share of the campaign's. */
function subtreeHours(campaignId: string, entryIds: string[]) {
  return db.$queryRaw<THourRow[]>`
    SELECT date_bin('1 hour', v.created_at, TIMESTAMPTZ '2000-01-01') AS hour,
      count(*) FILTER (WHERE v.invalidated_at IS NULL) AS valid, count(v.invalidated_at) AS invalid
    FROM votes v WHERE v.campaign_id = ${campaignId} AND v.application_id = ANY(${entryIds})
    GROUP BY 1 ORDER BY 1`;
}

export async function voteSection(campaignId: string, rootPath: string, coversCampaign: boolean, scopeApplicationIds: Promise<ReadonlySet<string>>): Promise<TVoteSection> {
  const entryIds = coversCampaign ? null : [...(await scopeApplicationIds)];
  const [hours, detected] = await Promise.all([entryIds ? subtreeHours(campaignId, entryIds) : campaignHours(campaignId), recentFlags(campaignId)]);
  const flags = detected ?? [];
  let shown = flags;
  if (!coversCampaign) {
    const unitIds = flags.flatMap((flag) => (flag.ref.kind === 'UNIT_HEADCOUNT' ? [flag.ref.organizationId] : []));
    const units = unitIds.length
      ? new Set((await db.organization.findMany({ where: { id: { in: unitIds }, path: { startsWith: rootPath } }, select: { id: true } })).map((org) => org.id))
      : new Set<string>();
    const entries = new Set(entryIds);
    shown = flags.filter((flag) =>
      flag.ref.kind === 'ENTRY_SPIKE' ? entries.has(flag.ref.applicationId) : flag.ref.kind === 'UNIT_HEADCOUNT' && units.has(flag.ref.organizationId),
    );
  }
  const marks: TVoteFlagMark[] = shown.map((flag) => ({ key: flag.key, title: flag.title, summary: flag.summary, hour: flag.from ? shanghaiHour(flag.from) : null, votes: flag.votes }));
  const rows = hours.map((row) => {
    const hour = shanghaiHour(row.hour);
    return { hour, valid: count(row.valid), invalid: count(row.invalid), flags: marks.filter((mark) => mark.hour === hour).length };
  });
  return { hours: rows, flags: marks, flagsPending: detected === null, valid: rows.reduce((sum, row) => sum + row.valid, 0), invalid: rows.reduce((sum, row) => sum + row.invalid, 0) };
}

