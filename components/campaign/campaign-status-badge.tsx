import type { CampaignStatus } from '@/lib/generated/prisma/enums';
import { CAMPAIGN_STATUS_LABELS } from '@/lib/campaign/setup-locks';
import { currentStage, stageStatus, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';

const STATUS_TONES: Record<CampaignStatus, string> = {
  DRAFT: 'bg-amber-100 text-amber-900',
  PUBLISHED: 'bg-green-100 text-green-800',
  FINISHED: 'bg-stone-200 text-stone-700',
  CANCELLED: 'bg-stone-200 text-stone-500',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <span className={`inline-flex shrink-0 rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_TONES[status]}`}>{CAMPAIGN_STATUS_LABELS[status]}</span>;
}

/** "申报 · 进行中", judged by the database time passed in. */
export function currentStageText(stages: readonly TStageWindow[], now: Date): string {
  const stage = currentStage(stages, now);
  if (!stage) return '各阶段均已结束';
  return `${STAGE_LABELS[stage.kind]} · ${stageStatus(stage, now) === 'open' ? '进行中' : '即将开始'}`;
}
