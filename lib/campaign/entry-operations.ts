// When the campaign allows an operation on an entry or its declarants, as pure rules: the service that refuses and the
// page that offers (or hides) the button ask the same function, so the two cannot disagree.
import { stageStatus, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';

export type TRefusal = { code: 'CONFLICT' | 'STAGE_LOCKED'; message: string };

/** Where a 退回重新申报 comes from: it decides which stage the branch may resubmit in. */
export type TReturnOrigin = 'RECOMMENDATION' | 'QUALIFICATION';

export type TReturnableEntry = {
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED';
  /** Holds an honour not revoked: it stands in a published 表彰决定. */
  isHonoured: boolean;
  /** Stands in a signed 初评 / 审定 decision. */
  isInSignedDecision: boolean;
};

function statusOf(stages: readonly TStageWindow[], kind: TStageWindow['kind'], now: Date): TStageStatus {
  const stage = stages.find((candidate) => candidate.kind === kind);
  return stage ? stageStatus(stage, now) : 'disabled';
}

/**
 * Why the entry may not be 退回重新申报 now, or null when it may. A return only makes sense while the branch can
 * still revise and resubmit: during 申报, or during the stage the return reopens (逐级推荐 for a committee's return,
 * 资格审查 for a 不通过) — the same windows `editWindow` (lib/application/rules.ts) gives the branch afterwards.
 */
export function returnRefusal(stages: readonly TStageWindow[], now: Date, entry: TReturnableEntry, from: TReturnOrigin = 'RECOMMENDATION'): TRefusal | null {
  if (entry.status === 'DRAFT') return { code: 'CONFLICT', message: '申报表尚未提交，不能退回' };
  if (entry.status === 'RETURNED') return { code: 'CONFLICT', message: '该申报已退回申报单位，正在等待重新申报' };
  if (entry.isHonoured) return { code: 'CONFLICT', message: '该品牌已列入表彰决定，不能退回' };
  if (entry.isInSignedDecision) return { code: 'CONFLICT', message: '该品牌已列入签署的初评审定结果，不能退回' };
  if (statusOf(stages, 'DECLARATION', now) === 'open' || statusOf(stages, from, now) === 'open') return null;
  if (statusOf(stages, 'QUALIFICATION', now) === 'closed') {
    return { code: 'STAGE_LOCKED', message: '资格审查已结束，该申报已进入评定环节，不能再退回重新申报' };
  }
  return { code: 'STAGE_LOCKED', message: `${STAGE_LABELS[from]}阶段未在进行中，退回后申报单位无法重新提交，不能退回` };
}

/**
 * Why a committee may not 催报 (remind its branches to declare) now, or null when it may: only while 申报 is open —
 * before it there is nothing to fill in, after it nothing can be submitted any more.
 */
export function reminderRefusal(stages: readonly TStageWindow[], now: Date): TRefusal | null {
  const status = statusOf(stages, 'DECLARATION', now);
  if (status === 'open') return null;
  if (status === 'upcoming') return { code: 'STAGE_LOCKED', message: '申报尚未开始，开始后才能催报' };
  if (status === 'closed') return { code: 'STAGE_LOCKED', message: '申报阶段已结束，不能再催报' };
  return { code: 'STAGE_LOCKED', message: '本活动未安排申报阶段，不能催报' };
}
