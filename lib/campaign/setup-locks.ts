import type { CampaignProgram, CampaignStatus, StageKind } from '@/lib/generated/prisma/enums';
import { frozenRuleGroups, isOperationAllowed, lockedGroupMessage } from '@/lib/campaign/lifecycle';
import { stageStatus, type TRuleGroup, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';

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
  campaign: { status: CampaignStatus; program: CampaignProgram; stages: readonly TStageWindow[]; recommendationDeadlines?: readonly { depth: number; endsAt: Date }[] },
  now: Date,
): TSetupLocks {
  const life = { status: campaign.status, program: campaign.program, stages: campaign.stages, now };
  const isRunning = campaign.status === 'PUBLISHED';
  return {
    closedLevels: isRunning ? (campaign.recommendationDeadlines ?? []).filter((row) => row.endsAt <= now).map((row) => row.depth) : [],
    groups: Object.fromEntries(frozenRuleGroups(life).map((group) => [group, lockedGroupMessage(group)])),
    stages: isRunning ? Object.fromEntries(campaign.stages.map((stage) => [stage.kind, stageStatus(stage, now)])) : {},
    isReadOnly: !isOperationAllowed('edit-setup', life),
  };
}

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  FINISHED: '已结束',
  CANCELLED: '已撤销',
};
