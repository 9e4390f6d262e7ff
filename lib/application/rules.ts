import type { TFormRules } from '@/lib/application/schema';
import type { StageKind } from '@/lib/generated/prisma/enums';
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

/** The entry as the edit window needs it: a return from 资格审查 reopens a different window than one from 逐级推荐. */
export type TEditWindowEntry = { status: string; returnedFrom?: StageKind | null } | null;

/**
 * When the branch may fill in and submit: during 申报; an entry returned for 重新申报 also while 逐级推荐 is open, so it
 * can come back up the levels — or, when 资格审查 sent it back, while 资格审查 is open, so it comes straight back to it.
 */
export function editWindow(stages: readonly TStageWindow[], now: Date, entry: TEditWindowEntry): { status: TStageStatus; endsAt: Date | null } {
  const declaration = stages.find((candidate) => candidate.kind === 'DECLARATION');
  const declarationWindow = { status: declaration ? stageStatus(declaration, now) : ('disabled' as const), endsAt: declaration?.endsAt ?? null };
  if (declarationWindow.status === 'open' || entry?.status !== 'RETURNED') return declarationWindow;
  const reopening = stages.find((candidate) => candidate.kind === (entry.returnedFrom === 'QUALIFICATION' ? 'QUALIFICATION' : 'RECOMMENDATION'));
  return reopening && stageStatus(reopening, now) === 'open' ? { status: 'open', endsAt: reopening.endsAt } : declarationWindow;
}

export function editWindowStatus(stages: readonly TStageWindow[], now: Date, entry: TEditWindowEntry): TStageStatus {
  return editWindow(stages, now, entry).status;
}
