// The vote curve: valid and invalidated votes per hour (Asia/Shanghai) with the hours that hold a rigging flag
// (lib/voting/flags) marked. The organizer's department sees every flag; a committee only those about its own
// entries (票数突增) or units (单位投票人数超过党员人数) — the other rules are about addresses, not entries.
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { detectFlags } from '@/lib/voting/flags';
import { count } from '@/lib/dashboard/sql';
import type { TVoteFlagMark, TVoteSection } from '@/lib/dashboard/types';

/**
 * The flag rules scan every vote of the campaign several times (seconds at a million votes): the dashboard reuses one
 * detection per campaign for a minute rather than running them on every view. The flags page itself always detects
 * afresh, and invalidating votes there shows on the dashboard within the minute.
 */
export const FLAG_REUSE_MS = 60_000;
const flagCache = new Map<string, { at: number; flags: ReturnType<typeof detectFlags> }>();

function recentFlags(campaignId: string): ReturnType<typeof detectFlags> {
  const now = Date.now();
  const cached = flagCache.get(campaignId);
  if (cached && now - cached.at < FLAG_REUSE_MS) return cached.flags;
  for (const [key, entry] of flagCache) if (now - entry.at >= FLAG_REUSE_MS) flagCache.delete(key);
  const flags = detectFlags(campaignId);
  flagCache.set(campaignId, { at: now, flags });
  // A failed detection is not kept: the next view tries again.
  flags.catch(() => flagCache.delete(campaignId));
  return flags;
}

/** "2026-11-02 09:00", the Shanghai hour a moment falls in. */
export function shanghaiHour(moment: Date): string {
  return `${new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 13).replace('T', ' ')}:00`;
}

export async function voteSection(campaignId: string, rootPath: string, coversCampaign: boolean, scopeApplicationIds: Promise<ReadonlySet<string>>): Promise<TVoteSection> {
  // A subtree's votes come through the (campaign, application) index: its entries are a small share of the campaign's.
  const entryIds = coversCampaign ? null : [...(await scopeApplicationIds)];
  const scope = entryIds ? Prisma.sql`AND v.application_id = ANY(${entryIds})` : Prisma.empty;
  const [hours, flags] = await Promise.all([
    db.$queryRaw<{ hour: string; valid: bigint; invalid: bigint }[]>`
      SELECT to_char(date_trunc('hour', v.created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD HH24:00') AS hour,
        count(*) FILTER (WHERE v.invalidated_at IS NULL) AS valid, count(*) FILTER (WHERE v.invalidated_at IS NOT NULL) AS invalid
      FROM votes v WHERE v.campaign_id = ${campaignId} ${scope}
      GROUP BY 1 ORDER BY 1`,
    recentFlags(campaignId),
  ]);
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
  const rows = hours.map((row) => ({ hour: row.hour, valid: count(row.valid), invalid: count(row.invalid), flags: marks.filter((mark) => mark.hour === row.hour).length }));
  return { hours: rows, flags: marks, valid: rows.reduce((sum, row) => sum + row.valid, 0), invalid: rows.reduce((sum, row) => sum + row.invalid, 0) };
}

