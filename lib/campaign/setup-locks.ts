import type { CampaignStatus, StageKind } from '@/lib/generated/prisma/enums';
import { lockedRuleGroups, RULE_GROUP_LABELS, RULES_LOCKED_BY, stageStatus, type TRuleGroup, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';

/** Why a rule group can no longer change; the same words the server refuses with. */
export function lockedGroupMessage(group: TRuleGroup): string {
  return `${RULE_GROUP_LABELS[group]}已随${STAGE_LABELS[RULES_LOCKED_BY[group]]}阶段开始而锁定，不能再修改`;
}

export type TSetupLocks = {
  /** Locked groups with their reason. */
  groups: Partial<Record<TRuleGroup, string>>;
  /** Status of each stage by database time; only a running campaign's stages lock their own times. */
  stages: Partial<Record<StageKind, TStageStatus>>;
  /** Finished and cancelled campaigns are read-only. */
  isReadOnly: boolean;
  /** Depths whose own recommendation deadline has passed in a running campaign: those deadlines stay as they are. */
  closedLevels?: number[];
};

/** What the edit form must show read-only. Drafts are not running, so nothing of theirs is frozen. */
export function setupLocks(
  campaign: { status: CampaignStatus; stages: readonly TStageWindow[]; recommendationDeadlines?: readonly { depth: number; endsAt: Date }[] },
  now: Date,
): TSetupLocks {
  const isRunning = campaign.status === 'PUBLISHED';
  return {
    closedLevels: isRunning ? (campaign.recommendationDeadlines ?? []).filter((row) => row.endsAt <= now).map((row) => row.depth) : [],
    groups: Object.fromEntries((isRunning ? lockedRuleGroups(campaign.stages, now) : []).map((group) => [group, lockedGroupMessage(group)])),
    stages: isRunning ? Object.fromEntries(campaign.stages.map((stage) => [stage.kind, stageStatus(stage, now)])) : {},
    isReadOnly: campaign.status === 'FINISHED' || campaign.status === 'CANCELLED',
  };
}

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  FINISHED: '已结束',
  CANCELLED: '已取消',
};
