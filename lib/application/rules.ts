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
