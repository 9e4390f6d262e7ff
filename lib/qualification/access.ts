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

/** The 资格审查 stage's status, for the pages' notice; whether anything may happen is lifecycle.ts's to say. */
export function qualificationStatus(stages: readonly TStageWindow[], now: Date): TStageStatus {
  const stage = stages.find((candidate) => candidate.kind === 'QUALIFICATION');
  return stage ? stageStatus(stage, now) : 'disabled';
}
