import type { TFormRules } from '@/lib/application/schema';
import { stageStatus, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';

type TCampaignRules = {
  nameMaxLength: number;
  fields: readonly { id: string }[];
  rubric: { criteria: readonly { id: string; name: string }[] } | null;
};

export function formRulesOf(campaign: TCampaignRules): TFormRules {
  return {
    nameMaxLength: campaign.nameMaxLength,
    fieldIds: campaign.fields.map((field) => field.id),
    criteria: campaign.rubric?.criteria.map(({ id, name }) => ({ id, name })) ?? [],
  };
}

export function declarationStatus(stages: readonly TStageWindow[], now: Date): TStageStatus {
  const stage = stages.find((candidate) => candidate.kind === 'DECLARATION');
  return stage ? stageStatus(stage, now) : 'disabled';
}

/**
 * Whether the branch may fill in and submit now: during 申报; an entry returned for 重新申报 also while 逐级推荐
 * is open, so it can come back up the levels.
 */
export function editWindowStatus(stages: readonly TStageWindow[], now: Date, status: string | null): TStageStatus {
  const declaration = declarationStatus(stages, now);
  if (declaration === 'open' || status !== 'RETURNED') return declaration;
  const recommendation = stages.find((candidate) => candidate.kind === 'RECOMMENDATION');
  return recommendation && stageStatus(recommendation, now) === 'open' ? 'open' : declaration;
}
