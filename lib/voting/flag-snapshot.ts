// The newest vote-flag detection of a campaign, kept in PostgreSQL (vote_flag_snapshots) so every instance shows the
// same flags. The rules scan every vote of the campaign (seconds at a million votes), so the dashboard reads the stored
// result instead of waiting for them: once it is FLAG_REUSE_MS old, the first view to claim the row (one conditional
// statement, so exactly one instance wins) detects again in the background for the next views. The flags page detects
// afresh on every view and stores what it found.
import { z } from 'zod';
import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { detectFlags, ZFlagRef, type TFlag } from '@/lib/voting/flags';

export const FLAG_REUSE_MS = 60_000;
/** How long the first view of a campaign waits for the first detection (enough for any campaign of ordinary size). */
export const FLAG_WAIT_MS = 300;
/** A claim this old without a result is abandoned (its process ended mid-detection): another view may take it over. */
export const FLAG_CLAIM_EXPIRES_MS = 5 * 60_000;

const ZStoredFlags = z.array(
  z.object({ key: z.string(), ref: ZFlagRef, title: z.string(), summary: z.string(), from: z.coerce.date().nullable(), votes: z.number() }),
);

/** The stored flags, or null when the row holds none or holds them in a shape this version does not read. */
function readStored(value: unknown): TFlag[] | null {
  const parsed = ZStoredFlags.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Claims the next detection of a campaign: succeeds (returns the claim's moment) only when the stored flags are missing
 * or at least FLAG_REUSE_MS old and nobody else holds a live claim. One statement, so of any number of parallel
 * claims exactly one wins. Milliseconds, as a JavaScript Date holds them: the claim is later matched by equality.
 */
export async function claimFlagDetection(campaignId: string): Promise<Date | null> {
  const rows = await db.$queryRaw<{ claimed: Date }[]>`
    INSERT INTO vote_flag_snapshots (campaign_id, refreshing_since) VALUES (${campaignId}, date_trunc('milliseconds', clock_timestamp()))
    ON CONFLICT (campaign_id) DO UPDATE SET refreshing_since = EXCLUDED.refreshing_since
    WHERE (vote_flag_snapshots.detected_at IS NULL OR vote_flag_snapshots.detected_at <= clock_timestamp() - make_interval(secs => ${FLAG_REUSE_MS / 1000}))
      AND (vote_flag_snapshots.refreshing_since IS NULL OR vote_flag_snapshots.refreshing_since <= clock_timestamp() - make_interval(secs => ${FLAG_CLAIM_EXPIRES_MS / 1000}))
    RETURNING refreshing_since AS claimed`;
  return rows[0]?.claimed ?? null;
}

/** Stores a detection that started at `at`, unless a newer one is already stored. Ends the claim `claim` if given. */
export async function storeFlags(campaignId: string, flags: TFlag[], at: Date, claim?: Date): Promise<void> {
  const json = JSON.stringify(flags);
  await db.$executeRaw`
    INSERT INTO vote_flag_snapshots (campaign_id, flags, detected_at) VALUES (${campaignId}, ${json}::jsonb, ${at})
    ON CONFLICT (campaign_id) DO UPDATE SET
      flags = CASE WHEN vote_flag_snapshots.detected_at IS NULL OR vote_flag_snapshots.detected_at < EXCLUDED.detected_at THEN EXCLUDED.flags ELSE vote_flag_snapshots.flags END,
      detected_at = GREATEST(vote_flag_snapshots.detected_at, EXCLUDED.detected_at),
      refreshing_since = CASE WHEN vote_flag_snapshots.refreshing_since = ${claim ?? null}::timestamptz THEN NULL ELSE vote_flag_snapshots.refreshing_since END`;
}

/**
 * Runs a claimed detection and stores it (resolving once it is stored, so whoever waits for it and then reads the row
 * sees the same). A failure ends the claim so that the next view tries again, and resolves to null.
 */
async function detectClaimed(campaignId: string, claim: Date): Promise<TFlag[] | null> {
  try {
    const flags = await detectFlags(campaignId);
    await storeFlags(campaignId, flags, claim, claim);
    return flags;
  } catch (error) {
    log.warn('异常投票检测失败', { campaignId, error });
    await db.$executeRaw`UPDATE vote_flag_snapshots SET refreshing_since = NULL WHERE campaign_id = ${campaignId} AND refreshing_since = ${claim}`.catch(() => 0);
    return null;
  }
}

/**
 * The campaign's flags as last detected by any instance, or null while the first detection is still running. A view
 * finding them a minute old starts the next detection (when its claim wins) and shows the stored ones meanwhile.
 */
export async function recentFlags(campaignId: string): Promise<TFlag[] | null> {
  const row = await db.voteFlagSnapshot.findUnique({ where: { campaignId }, select: { flags: true, detectedAt: true } });
  const stored = row ? readStored(row.flags) : null;
  const fresh = stored && row?.detectedAt && Date.now() - row.detectedAt.getTime() < FLAG_REUSE_MS;
  if (fresh) return stored;
  const claim = await claimFlagDetection(campaignId);
  if (!claim) return stored;
  const detection = detectClaimed(campaignId, claim);
  if (stored) return stored;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<null>((resolve) => (timer = setTimeout(resolve, FLAG_WAIT_MS, null)));
  try {
    return await Promise.race([detection, waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh detection (the flags page), stored for the dashboards of every instance. */
export async function detectAndStoreFlags(campaignId: string): Promise<TFlag[]> {
  const at = new Date();
  const flags = await detectFlags(campaignId);
  await storeFlags(campaignId, flags, at).catch((error: unknown) => log.warn('异常投票检测结果未能保存', { campaignId, error }));
  return flags;
}
