import type { StageKind } from '@/lib/generated/prisma/enums';
import type { TStageInput } from '@/lib/campaign/schema';
import { stageStatus, validateStageOrder, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';
import { AppError } from '@/lib/errors';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '@/lib/format';
import type { TLevelDeadline } from '@/lib/campaign/recommendation-deadline';

/** `isNew`: the campaign has no row for the stage yet (a 选树 campaign switching on 培育创建 after the fact). */
export type TStageChange = { kind: StageKind; before: TStageWindow; after: TStageWindow; isNew?: boolean };

type TRefuse = (code: 'STAGE_LOCKED' | 'INVALID_INPUT', kind: StageKind, key: 'startsAt' | 'endsAt' | 'isEnabled', message: string) => never;

/** Refusals point at the input of the form's stage list (the program's stages, not every kind). */
const refuserFor =
  (formKinds: readonly StageKind[]): TRefuse =>
  (code, kind, key, message) => {
    throw new AppError(code, message, { [`stages.${Math.max(0, formKinds.indexOf(kind))}.${key}`]: message });
  };

/**
 * Compares submitted stage times (minute precision, as the form shows them) with the stored ones and
 * returns the stages that change. Once a campaign runs (`isRunning`), a started stage keeps its start,
 * an ended stage keeps both times, and no time may be moved into the past: opening or closing a stage
 * now goes through 提前开始 / 提前结束, which record the exact database time.
 */
export function planStageChanges(stored: readonly TStageWindow[], submitted: readonly TStageInput[], now: Date, isRunning: boolean): TStageChange[] {
  const refuse = refuserFor(submitted.map((stage) => stage.kind));
  const changes: TStageChange[] = [];
  // A switched-on stage the campaign has no row for yet is added, as if it had been there switched off.
  const added = submitted
    .filter((input) => input.isEnabled && !stored.some((stage) => stage.kind === input.kind))
    .map((input): TStageWindow => ({ kind: input.kind, isEnabled: false, startsAt: fromDateTimeLocal(input.startsAt), endsAt: fromDateTimeLocal(input.endsAt) }));
  const merged = [...stored, ...added].map((before) => {
    const input = submitted.find((stage) => stage.kind === before.kind);
    if (!input) return before;
    const isStartChanged = toDateTimeLocal(before.startsAt) !== input.startsAt;
    const isEndChanged = toDateTimeLocal(before.endsAt) !== input.endsAt;
    if (!isStartChanged && !isEndChanged && input.isEnabled === before.isEnabled) return before;
    const after: TStageWindow = {
      kind: before.kind,
      isEnabled: input.isEnabled,
      startsAt: isStartChanged ? fromDateTimeLocal(input.startsAt) : before.startsAt,
      endsAt: isEndChanged ? fromDateTimeLocal(input.endsAt) : before.endsAt,
    };
    if (isRunning) checkRunningStage(before, after, { isStartChanged, isEndChanged }, now, refuse);
    changes.push({ kind: before.kind, before, after, ...(added.includes(before) && { isNew: true }) });
    return after;
  });
  const orderErrors = validateStageOrder(merged);
  const [firstKind] = Object.keys(orderErrors) as StageKind[];
  if (firstKind) refuse('INVALID_INPUT', firstKind, 'startsAt', orderErrors[firstKind]!);
  return changes;
}

function checkRunningStage(
  before: TStageWindow,
  after: TStageWindow,
  changed: { isStartChanged: boolean; isEndChanged: boolean },
  now: Date,
  refuse: TRefuse,
) {
  const label = STAGE_LABELS[before.kind];
  const status = stageStatus(before, now);
  if (status === 'closed') refuse('STAGE_LOCKED', before.kind, 'startsAt', `${label}阶段已结束，起止时间不能再修改`);
  if (status === 'open') {
    if (!after.isEnabled) refuse('STAGE_LOCKED', before.kind, 'isEnabled', `${label}阶段已开始，不能再关闭`);
    if (changed.isStartChanged) refuse('STAGE_LOCKED', before.kind, 'startsAt', `${label}阶段已开始，开始时间不能再修改`);
    if (changed.isEndChanged && after.endsAt <= now) {
      refuse('INVALID_INPUT', before.kind, 'endsAt', `结束时间不能早于当前时间；如需立即结束${label}阶段，请使用“提前结束”`);
    }
    return;
  }
  if (after.isEnabled && after.startsAt < now) {
    refuse('INVALID_INPUT', before.kind, 'startsAt', `开始时间不能早于当前时间；如需立即开始${label}阶段，请使用“提前开始”`);
  }
}

/**
 * Level deadlines of a running campaign follow the stage-end rules: a passed deadline stays as it is (it may not be
 * moved or removed, which would reopen the level), and a new or moved one may not lie in the past.
 */
export function checkLevelDeadlineChanges(stored: readonly TLevelDeadline[], submitted: readonly { depth: number; endsAt: string }[], now: Date): void {
  const refuseAt = (depth: number, code: 'STAGE_LOCKED' | 'INVALID_INPUT', message: string): never => {
    const index = Math.max(0, submitted.findIndex((row) => row.depth === depth));
    throw new AppError(code, message, { [`quotas.levelDeadlines.${index}.endsAt`]: message });
  };
  for (const before of stored) {
    const after = submitted.find((row) => row.depth === before.depth);
    if (before.endsAt <= now && after?.endsAt !== toDateTimeLocal(before.endsAt)) {
      refuseAt(before.depth, 'STAGE_LOCKED', `第 ${before.depth} 层的推荐已于 ${formatDateTime(before.endsAt)} 截止，截止时间不能再修改`);
    }
  }
  for (const after of submitted) {
    const before = stored.find((row) => row.depth === after.depth);
    if (before && toDateTimeLocal(before.endsAt) === after.endsAt) continue;
    if (fromDateTimeLocal(after.endsAt) <= now) refuseAt(after.depth, 'INVALID_INPUT', '截止时间不能早于当前时间');
  }
}
