import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { grantsRoleAt } from '@/lib/auth/scope';
import { loadGrants } from '@/lib/application/access';
import { stageStatus, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';

export const QUALIFIER_ONLY_MESSAGE = '只有评选主办单位的组织部工作人员可以进行资格审查和发布品牌清单';

/** ORG_ADMIN at the campaign's owner organization or above, read inside the writing transaction. */
export async function assertQualifier(tx: TTx, actorId: string | null, ownerOrgPath: string): Promise<void> {
  const grants = await loadGrants(tx, actorId);
  if (!grantsRoleAt(grants, ['ORG_ADMIN'], ownerOrgPath)) throw new AppError('FORBIDDEN', QUALIFIER_ONLY_MESSAGE);
}

export function qualificationStatus(stages: readonly TStageWindow[], now: Date): TStageStatus {
  const stage = stages.find((candidate) => candidate.kind === 'QUALIFICATION');
  return stage ? stageStatus(stage, now) : 'disabled';
}

/** Qualification results change only while the stage is open, by database time. */
export function assertQualificationOpen(status: TStageStatus): void {
  if (status === 'upcoming') throw new AppError('STAGE_LOCKED', '资格审查阶段尚未开始，暂不能审查');
  if (status === 'closed') throw new AppError('STAGE_LOCKED', '资格审查阶段已结束，不能再修改审查结果');
  if (status === 'disabled') throw new AppError('STAGE_LOCKED', '本活动未安排资格审查阶段');
}

/** The list may be published (and corrected) once the stage has started, also after it ended. */
export function assertCanPublish(status: TStageStatus): void {
  if (status === 'upcoming') throw new AppError('STAGE_LOCKED', '资格审查阶段开始后才能发布品牌清单');
  if (status === 'disabled') throw new AppError('STAGE_LOCKED', '本活动未安排资格审查阶段，不能发布品牌清单');
}

export function assertCampaignRunning(status: string): void {
  if (status !== 'PUBLISHED') throw new AppError('CONFLICT', '评选活动不在进行中，不能审查或发布');
}
