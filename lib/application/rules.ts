import type { TFormRules } from '@/lib/application/schema';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { stageStatus, type TStageStatus } from '@/lib/campaign/stages';
import { operationRefusal, type TLifecycle, type TRefusal } from '@/lib/campaign/lifecycle';

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

/** Which operation of the state machine filling in and submitting this entry is: a first declaration or a revision. */
export function declareOperationOf(entry: TEditWindowEntry): 'declare' | 'redeclare' | 'redeclare-after-qualification' {
  if (entry?.status !== 'RETURNED') return 'declare';
  return entry.returnedFrom === 'QUALIFICATION' ? 'redeclare-after-qualification' : 'redeclare';
}

const REOPENED_BY: Record<ReturnType<typeof declareOperationOf>, StageKind[]> = {
  declare: ['DECLARATION'],
  redeclare: ['DECLARATION', 'RECOMMENDATION'],
  'redeclare-after-qualification': ['DECLARATION', 'QUALIFICATION'],
};

/**
 * When the branch may fill in and submit (lifecycle.ts `declare`): during 申报; an entry returned for 重新申报 also while
 * 逐级推荐 is open, so it can come back up the levels — or, when 资格审查 sent it back, while 资格审查 is open, so it
 * comes straight back to it (`redeclare`, `redeclare-after-qualification`). `status` is 'open' when the state machine
 * allows it, else the 申报 stage's own status; `endsAt` is when the open window closes (or 申报 ends).
 */
export function editWindow(life: TLifecycle, entry: TEditWindowEntry): { status: TStageStatus; endsAt: Date | null; refusal: TRefusal | null } {
  const operation = declareOperationOf(entry);
  const refusal = operationRefusal(operation, life);
  const windowOf = (kind: StageKind) => life.stages.find((stage) => stage.kind === kind);
  const declaration = windowOf('DECLARATION');
  if (!refusal) {
    const open = REOPENED_BY[operation].map(windowOf).find((stage) => stage && stageStatus(stage, life.now) === 'open');
    return { status: 'open', endsAt: open?.endsAt ?? null, refusal };
  }
  const status = declaration ? stageStatus(declaration, life.now) : 'disabled';
  // A campaign that no longer runs (cancelled) keeps its 申报 dates, but nothing can be filled in any more.
  return { status: status === 'open' ? 'closed' : status, endsAt: declaration?.endsAt ?? null, refusal };
}
