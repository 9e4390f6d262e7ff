// Each recommending level decides inside the RECOMMENDATION stage, until its own deadline when the campaign sets one
// (e.g. 党(工)委 by 9月10日, 区委 by 9月20日). Pure, shared by the services, the pages and the setup validation.
import { stageStatus, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';
import { isRecommendingDepth } from '@/lib/campaign/quota';
import { formatDateTime } from '@/lib/format';

export type TLevelDeadline = { depth: number; endsAt: Date };

/** The window of the level at `depth`: the RECOMMENDATION stage, ending at the level's deadline when that is earlier. */
export function levelWindow(stages: readonly TStageWindow[], deadlines: readonly TLevelDeadline[], depth: number): TStageWindow | undefined {
  const stage = stages.find((candidate) => candidate.kind === 'RECOMMENDATION');
  if (!stage) return undefined;
  const deadline = deadlines.find((row) => row.depth === depth)?.endsAt;
  return deadline && deadline < stage.endsAt ? { ...stage, endsAt: deadline } : stage;
}

export function levelStatus(stages: readonly TStageWindow[], deadlines: readonly TLevelDeadline[], depth: number, now: Date): TStageStatus {
  const window = levelWindow(stages, deadlines, depth);
  return window ? stageStatus(window, now) : 'disabled';
}

/**
 * What is wrong with a set of level deadlines, keyed by index in `deadlines`: each names a recommending level once,
 * falls inside the RECOMMENDATION stage, and a lower level (greater depth) never closes after a higher one — the
 * higher level needs the entries before it can decide on them.
 */
export function levelDeadlineErrors(
  deadlines: readonly TLevelDeadline[],
  stage: TStageWindow | undefined,
  recommendingDepths: readonly number[],
): Record<number, string> {
  const errors: Record<number, string> = {};
  const seen = new Set<number>();
  deadlines.forEach((row, index) => {
    if (Number.isNaN(row.endsAt.getTime())) errors[index] = '请选择截止时间';
    else if (seen.has(row.depth)) errors[index] = `第 ${row.depth} 层的截止时间重复设置`;
    else if (!isRecommendingDepth(recommendingDepths, row.depth)) errors[index] = `第 ${row.depth} 层不负责推荐，不需要截止时间`;
    else if (!stage?.isEnabled) errors[index] = '推荐阶段未启用，不能设置各层截止时间';
    else if (row.endsAt <= stage.startsAt || row.endsAt > stage.endsAt) {
      errors[index] = `截止时间须在推荐阶段之内（${formatDateTime(stage.startsAt)} 至 ${formatDateTime(stage.endsAt)}）`;
    }
    seen.add(row.depth);
  });
  deadlines.forEach((row, index) => {
    if (errors[index]) return;
    const higher = deadlines.find((other, otherIndex) => !errors[otherIndex] && other.depth < row.depth && other.endsAt < row.endsAt);
    if (higher) errors[index] = `下级的截止时间不能晚于上级（第 ${higher.depth} 层截止于 ${formatDateTime(higher.endsAt)}）`;
  });
  return errors;
}

/** How a level's window reads on its badge. */
export function levelStatusLabel(level: { stage: TStageStatus; hasOwnDeadline: boolean }): string {
  if (level.stage === 'closed') return level.hasOwnDeadline ? '本级推荐已截止' : '推荐阶段已结束';
  if (level.stage === 'disabled') return '未启用推荐';
  return level.stage === 'open' ? '推荐阶段进行中' : '推荐阶段未开始';
}
