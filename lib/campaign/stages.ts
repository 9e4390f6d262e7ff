import type { StageKind } from '@/lib/generated/prisma/enums';
import { STAGE_LABELS, STAGE_ORDER } from '@/lib/campaign/templates';

export type TStageWindow = { kind: StageKind; isEnabled: boolean; startsAt: Date; endsAt: Date };
export type TStageStatus = 'upcoming' | 'open' | 'closed' | 'disabled';

export const STAGE_STATUS_LABELS: Record<TStageStatus, string> = {
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
  disabled: '不启用',
};

/** A stage is open from its start (inclusive) to its end (exclusive), by database time. */
export function stageStatus(stage: TStageWindow, now: Date): TStageStatus {
  if (!stage.isEnabled) return 'disabled';
  if (now < stage.startsAt) return 'upcoming';
  if (now < stage.endsAt) return 'open';
  return 'closed';
}

/** Whether the campaign's vote is open now (the VOTING stage enabled and running). */
export function isVotingOpen(stages: readonly TStageWindow[], now: Date): boolean {
  const stage = stages.find((candidate) => candidate.kind === 'VOTING');
  return !!stage && stageStatus(stage, now) === 'open';
}

export function hasStarted(stage: TStageWindow | undefined, now: Date): boolean {
  return !!stage && stage.isEnabled && now >= stage.startsAt;
}

export function sortStages<T extends { kind: StageKind }>(stages: readonly T[]): T[] {
  return [...stages].sort((a, b) => STAGE_ORDER.indexOf(a.kind) - STAGE_ORDER.indexOf(b.kind));
}

/** The stages that come before `kind` in every campaign's order. */
export function stagesBefore(kind: StageKind): StageKind[] {
  return STAGE_ORDER.slice(0, STAGE_ORDER.indexOf(kind));
}

/**
 * The stage running now, or else the next one to come. Where two overlap (a later stage opened while an earlier
 * one's dates still run), the later one is where the campaign is: a 公示 under way is not "初评审定进行中".
 */
export function currentStage<T extends TStageWindow>(stages: readonly T[], now: Date): T | undefined {
  const ordered = sortStages(stages).filter((stage) => stage.isEnabled);
  return ordered.findLast((stage) => stageStatus(stage, now) === 'open') ?? ordered.find((stage) => now < stage.startsAt);
}

/**
 * Stage dates must run in order: each enabled stage ends after it starts and starts no earlier than
 * the previous enabled stage ends. Returns Chinese messages keyed by stage kind.
 */
export function validateStageOrder(stages: readonly TStageWindow[]): Partial<Record<StageKind, string>> {
  const errors: Partial<Record<StageKind, string>> = {};
  let previous: TStageWindow | undefined;
  for (const stage of sortStages(stages)) {
    if (!stage.isEnabled) continue;
    if (Number.isNaN(stage.startsAt.getTime()) || Number.isNaN(stage.endsAt.getTime())) {
      errors[stage.kind] = `请填写${STAGE_LABELS[stage.kind]}阶段的起止时间`;
    } else if (stage.endsAt <= stage.startsAt) {
      errors[stage.kind] = `${STAGE_LABELS[stage.kind]}阶段的结束时间必须晚于开始时间`;
    } else if (previous && stage.startsAt < previous.endsAt) {
      errors[stage.kind] = `${STAGE_LABELS[stage.kind]}阶段不能早于${STAGE_LABELS[previous.kind]}阶段结束`;
    }
    previous = stage;
  }
  return errors;
}

/** Which stage's start freezes each group of campaign rules. */
export const RULES_LOCKED_BY: Record<'fields' | 'declarationForm' | 'rubric' | 'quotas' | 'review' | 'voting' | 'awards' | 'weights', StageKind> = {
  fields: 'DECLARATION',
  declarationForm: 'DECLARATION',
  rubric: 'DECLARATION',
  quotas: 'RECOMMENDATION',
  review: 'EXPERT_REVIEW',
  voting: 'VOTING',
  awards: 'DELIBERATION',
  weights: 'DELIBERATION',
};

export type TRuleGroup = keyof typeof RULES_LOCKED_BY;

export const RULE_GROUP_LABELS: Record<TRuleGroup, string> = {
  fields: '领域设置',
  declarationForm: '申报表设置',
  rubric: '评分标准',
  quotas: '推荐名额',
  review: '评审规则',
  voting: '投票规则',
  awards: '奖项设置',
  weights: '综合排名权重',
};

export function lockedRuleGroups(stages: readonly TStageWindow[], now: Date): TRuleGroup[] {
  return (Object.keys(RULES_LOCKED_BY) as TRuleGroup[]).filter((group) =>
    hasStarted(stages.find((stage) => stage.kind === RULES_LOCKED_BY[group]), now),
  );
}

/** Opening a stage early: it starts now, and any earlier stage still running closes now. */
export function openStageEarly<T extends TStageWindow>(stages: readonly T[], kind: StageKind, now: Date): T[] {
  const order = STAGE_ORDER.indexOf(kind);
  return stages.map((stage) => {
    const index = STAGE_ORDER.indexOf(stage.kind);
    if (stage.kind === kind) return { ...stage, startsAt: now, endsAt: stage.endsAt > now ? stage.endsAt : new Date(now.getTime() + 86_400_000) };
    if (index < order && stage.isEnabled && stage.endsAt > now) {
      return { ...stage, startsAt: stage.startsAt < now ? stage.startsAt : new Date(now.getTime() - 1000), endsAt: now };
    }
    return stage;
  });
}
