// The state machine's database side: read a campaign's status and stage windows with the database clock, optionally
// locking the campaign row (FOR SHARE) so a concurrent stage change waits for the operation, then ask lifecycle.ts.
import { dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { CampaignProgram, CampaignStatus, StageKind } from '@/lib/generated/prisma/enums';
import { assertOperation, type TCampaignOperation, type TLifecycle } from '@/lib/campaign/lifecycle';

/** The campaign's lifecycle facts now, by database time. Locks the campaign row FOR SHARE inside `tx`. */
export async function loadLifecycle(tx: TTx, campaignId: string): Promise<TLifecycle> {
  // cultivation_ends_on is a calendar day in Asia/Shanghai: the 创建期 ends when the next day begins there.
  const rows = await tx.$queryRaw<{ status: CampaignStatus; program: CampaignProgram; creationEndsAt: Date | null }[]>`
    SELECT status, program, ((cultivation_ends_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS "creationEndsAt"
    FROM campaigns WHERE id = ${campaignId} FOR SHARE`;
  if (!rows[0]) throw new AppError('NOT_FOUND', '评选活动不存在');
  const stages = await tx.campaignStage.findMany({
    where: { campaignId },
    select: { kind: true, isEnabled: true, startsAt: true, endsAt: true },
  });
  return {
    status: rows[0].status,
    program: rows[0].program,
    stages: stages as { kind: StageKind; isEnabled: boolean; startsAt: Date; endsAt: Date }[],
    now: await dbNow(tx),
    creationEndsAt: rows[0].creationEndsAt,
  };
}

/** Refuses (AppError STAGE_LOCKED with the stage named) unless `operation` is allowed in the campaign now. */
export async function requireOperation(tx: TTx, campaignId: string, operation: TCampaignOperation): Promise<TLifecycle> {
  const life = await loadLifecycle(tx, campaignId);
  assertOperation(operation, life);
  return life;
}
