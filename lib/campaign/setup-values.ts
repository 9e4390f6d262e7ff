import type { AwardKind, CampaignProgram, OrgField, ResultsVisibility, RubricTemplate, StageKind } from '@/lib/generated/prisma/enums';
import type { TCampaignSetup, TStageInput } from '@/lib/campaign/schema';
import type { TRuleGroup } from '@/lib/campaign/stages';
import { DEFAULT_AWARDS, DEFAULT_QUOTA, DEFAULT_STAGE_DAYS, PROGRAM_STAGES, PROGRAM_STAGES_OFF_BY_DEFAULT, RUBRIC_TEMPLATES } from '@/lib/campaign/templates';
import { fromDateTimeLocal, toDateTimeLocal } from '@/lib/format';
import { ORG_FIELDS, ORG_FIELD_LABELS } from '@/lib/org-tree/fields';

const DAY = 86_400_000;

/** The program's stages one after another at their default lengths, the first starting at `start` (minute precision). */
export function stagesStartingAt(start: Date, program: CampaignProgram = 'SELECTION'): TStageInput[] {
  let cursor = fromDateTimeLocal(toDateTimeLocal(start)).getTime();
  return PROGRAM_STAGES[program].map((kind) => {
    const startsAt = toDateTimeLocal(new Date(cursor));
    cursor += DEFAULT_STAGE_DAYS[kind] * DAY;
    return { kind, isEnabled: !PROGRAM_STAGES_OFF_BY_DEFAULT[program].includes(kind), startsAt, endsAt: toDateTimeLocal(new Date(cursor)) };
  });
}

export const DEFAULT_CULTIVATION_SETTINGS: TCampaignSetup['cultivation'] = {
  ledgerDueDay: 25,
  reminderSms: false,
  cultivationEndsOn: null,
  acceptanceRequestDeadline: null,
  acceptanceCompleteBy: null,
};

/** Re-plans the enabled stages one after another at their default lengths from `start`; switched-off stages keep their dates. */
export function layOutStages(stages: readonly TStageInput[], start: Date): TStageInput[] {
  let cursor = start.getTime();
  return stages.map((stage) => {
    if (!stage.isEnabled) return stage;
    const startsAt = toDateTimeLocal(new Date(cursor));
    cursor += DEFAULT_STAGE_DAYS[stage.kind] * DAY;
    return { ...stage, startsAt, endsAt: toDateTimeLocal(new Date(cursor)) };
  });
}

/** The default award list, with one "最佳XX领域" award per field. */
export function defaultAwards(fieldNames: readonly string[]): TCampaignSetup['awards'] {
  return DEFAULT_AWARDS.flatMap((award): TCampaignSetup['awards'] =>
    award.perField
      ? fieldNames.map((fieldName) => ({ kind: award.kind, name: award.name.replace('{field}', fieldName), count: award.count, fieldName }))
      : [{ kind: award.kind, name: award.name, count: award.count, fieldName: null }],
  );
}

/**
 * A new campaign as the wizard proposes it: the seven fields, 四有一好, the default awards and quota,
 * stages one after another from midnight (Asia/Shanghai) after `now` unless `firstStageStartsAt` is given.
 */
export function defaultCampaignSetup(input: { now: Date; ownerOrgId: string; firstStageStartsAt?: Date; program?: CampaignProgram }): TCampaignSetup {
  const today = toDateTimeLocal(input.now).slice(0, 10);
  const tomorrow = new Date(fromDateTimeLocal(`${today}T00:00`).getTime() + DAY);
  const fields = ORG_FIELDS.map((field) => ({ name: ORG_FIELD_LABELS[field], orgFields: [field] }));
  const program = input.program ?? 'SELECTION';
  const rubric = program === 'CREATION' ? 'FIVE_WORDS' : 'FOUR_HAVE_ONE_GOOD';
  return {
    program,
    title: '',
    year: Number(today.slice(0, 4)),
    batch: null,
    description: '',
    ownerOrgId: input.ownerOrgId,
    nameMaxLength: 15,
    allowMultipleApplications: false,
    stages: stagesStartingAt(input.firstStageStartsAt ?? tomorrow, program),
    fields,
    awards: program === 'CREATION' ? [] : defaultAwards(fields.map((field) => field.name)),
    rubric: { template: rubric, criteria: RUBRIC_TEMPLATES[rubric].criteria.map((criterion) => ({ ...criterion })) },
    quotas: { defaultQuota: DEFAULT_QUOTA, recommendingDepths: [], overrides: [], levelDeadlines: [] },
    review: { expertsPerEntry: 5, reviewCapPerExpert: null, blindReview: false, commentBelowPercent: 60, scoreAggregation: 'TRIMMED_MEAN', disputeSpread: 20 },
    voting: {
      memberVotingEnabled: true,
      publicVotingEnabled: false,
      votesPerVoterPerDay: 5,
      votesPerEntryPerDay: 1,
      votesPerVoterTotal: null,
      allowVoteForOwnOrg: false,
      resultsVisibility: 'HIDDEN',
    },
    weights: { expertWeight: 70, voteWeight: 30 },
    cultivation: { ...DEFAULT_CULTIVATION_SETTINGS },
  };
}

/**
 * A new campaign switched to another template: the program's stages from the same first day, and what the template
 * implies (创建认定: no awards, the 五词 rubric; 选树评选: the default awards).
 */
export function switchProgram(setup: TCampaignSetup, program: CampaignProgram): TCampaignSetup {
  const first = fromDateTimeLocal(setup.stages[0]?.startsAt ?? '');
  const start = Number.isNaN(first.getTime()) ? new Date() : first;
  const rubric = program === 'CREATION' ? 'FIVE_WORDS' : 'FOUR_HAVE_ONE_GOOD';
  return {
    ...setup,
    program,
    stages: stagesStartingAt(start, program),
    awards: program === 'CREATION' ? [] : defaultAwards(setup.fields.map((field) => field.name)),
    rubric: { template: rubric, criteria: RUBRIC_TEMPLATES[rubric].criteria.map((criterion) => ({ ...criterion })) },
  };
}

const dateOnly = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);

/** The stored campaign, as read by `getCampaignSetupRow` (structural, so this file stays free of Prisma). */
export type TCampaignSetupRow = {
  program: CampaignProgram;
  title: string;
  year: number;
  batch: number | null;
  description: string | null;
  ownerOrgId: string;
  nameMaxLength: number;
  allowMultipleApplications: boolean;
  defaultQuota: number;
  recommendingDepths: number[];
  memberVotingEnabled: boolean;
  publicVotingEnabled: boolean;
  votesPerVoterPerDay: number;
  votesPerEntryPerDay: number;
  votesPerVoterTotal: number | null;
  allowVoteForOwnOrg: boolean;
  resultsVisibility: ResultsVisibility;
  expertWeight: number;
  voteWeight: number;
  expertsPerEntry: number;
  reviewCapPerExpert: number | null;
  blindReview: boolean;
  commentBelowPercent: number;
  scoreAggregation: 'MEAN' | 'TRIMMED_MEAN' | 'Z_SCORE';
  disputeSpread: number | null;
  ledgerDueDay: number;
  reminderSms: boolean;
  cultivationEndsOn: Date | null;
  acceptanceRequestDeadline: Date | null;
  acceptanceCompleteBy: Date | null;
  stages: { kind: StageKind; isEnabled: boolean; startsAt: Date; endsAt: Date }[];
  fields: { name: string; sortOrder: number; orgFields: OrgField[] }[];
  rubric: { template: RubricTemplate; criteria: { name: string; maxPoints: number; guidance: string; sortOrder: number }[] } | null;
  awards: { kind: AwardKind; name: string; count: number; sortOrder: number; field: { name: string } | null }[];
  /** Quota rows; a null limit is a lock row of the recommendation step (the default applies), not an override. */
  quotas: { organizationId: string; limit: number | null }[];
  recommendationDeadlines: { depth: number; endsAt: Date }[];
};

export function sortOrgFields(orgFields: readonly OrgField[]): OrgField[] {
  return [...orgFields].sort((a, b) => ORG_FIELDS.indexOf(a) - ORG_FIELDS.indexOf(b));
}

const bySortOrder = (a: { sortOrder: number }, b: { sortOrder: number }) => a.sortOrder - b.sortOrder;

/** The stored campaign in the wizard's shape: prefills the edit form and is what updates are compared with. */
export function campaignToSetup(row: TCampaignSetupRow): TCampaignSetup {
  // A stage the campaign has no row for (选树 campaigns made before 培育创建 existed) is offered switched off, after the previous one.
  let cursor = 0;
  const stages = PROGRAM_STAGES[row.program].map((kind): TStageInput => {
    const stage = row.stages.find((candidate) => candidate.kind === kind);
    if (stage) {
      cursor = Math.max(cursor, stage.endsAt.getTime());
      return { kind, isEnabled: stage.isEnabled, startsAt: toDateTimeLocal(stage.startsAt), endsAt: toDateTimeLocal(stage.endsAt) };
    }
    const startsAt = toDateTimeLocal(new Date(cursor));
    cursor += DEFAULT_STAGE_DAYS[kind] * DAY;
    return { kind, isEnabled: false, startsAt, endsAt: toDateTimeLocal(new Date(cursor)) };
  });
  return {
    program: row.program,
    title: row.title,
    year: row.year,
    batch: row.batch,
    description: row.description ?? '',
    ownerOrgId: row.ownerOrgId,
    nameMaxLength: row.nameMaxLength,
    allowMultipleApplications: row.allowMultipleApplications,
    stages,
    fields: [...row.fields].sort(bySortOrder).map((field) => ({ name: field.name, orgFields: [...field.orgFields] })),
    awards: [...row.awards]
      .sort(bySortOrder)
      .map((award) => ({ kind: award.kind, name: award.name, count: award.count, fieldName: award.field?.name ?? null })),
    rubric: {
      template: row.rubric?.template ?? 'CUSTOM',
      criteria: [...(row.rubric?.criteria ?? [])]
        .sort(bySortOrder)
        .map((criterion) => ({ name: criterion.name, maxPoints: criterion.maxPoints, guidance: criterion.guidance })),
    },
    quotas: {
      defaultQuota: row.defaultQuota,
      recommendingDepths: [...row.recommendingDepths].sort((a, b) => a - b),
      overrides: row.quotas
        .filter((quota): quota is { organizationId: string; limit: number } => quota.limit !== null)
        .sort((a, b) => a.organizationId.localeCompare(b.organizationId))
        .map((quota) => ({ organizationId: quota.organizationId, limit: quota.limit })),
      levelDeadlines: [...row.recommendationDeadlines].sort((a, b) => a.depth - b.depth).map((row) => ({ depth: row.depth, endsAt: toDateTimeLocal(row.endsAt) })),
    },
    review: {
      expertsPerEntry: row.expertsPerEntry,
      reviewCapPerExpert: row.reviewCapPerExpert,
      blindReview: row.blindReview,
      commentBelowPercent: row.commentBelowPercent,
      scoreAggregation: row.scoreAggregation,
      disputeSpread: row.disputeSpread,
    },
    voting: {
      memberVotingEnabled: row.memberVotingEnabled,
      publicVotingEnabled: row.publicVotingEnabled,
      votesPerVoterPerDay: row.votesPerVoterPerDay,
      votesPerEntryPerDay: row.votesPerEntryPerDay,
      votesPerVoterTotal: row.votesPerVoterTotal,
      allowVoteForOwnOrg: row.allowVoteForOwnOrg,
      resultsVisibility: row.resultsVisibility,
    },
    weights: { expertWeight: row.expertWeight, voteWeight: row.voteWeight },
    cultivation: {
      ledgerDueDay: row.ledgerDueDay,
      reminderSms: row.reminderSms,
      cultivationEndsOn: dateOnly(row.cultivationEndsOn),
      acceptanceRequestDeadline: dateOnly(row.acceptanceRequestDeadline),
      acceptanceCompleteBy: dateOnly(row.acceptanceCompleteBy),
    },
  };
}

/** Level deadlines are times, not rules: like stage ends they stay editable while the recommendation stage runs. */
export type TSettingsGroup = TRuleGroup | 'basics' | 'levelDeadlines' | 'cultivation';

const byDepth = (rows: readonly { depth: number; endsAt: string }[]) => [...rows].sort((a, b) => a.depth - b.depth);

/** What each settings group covers; stages are compared stage by stage instead. */
const GROUP_VALUES: Record<TSettingsGroup, (setup: TCampaignSetup) => unknown> = {
  basics: ({ title, year, batch, description }) => ({ title, year, batch, description }),
  declarationForm: ({ nameMaxLength, allowMultipleApplications }) => ({ nameMaxLength, allowMultipleApplications }),
  fields: (setup) => setup.fields.map((field) => ({ ...field, orgFields: sortOrgFields(field.orgFields) })),
  rubric: (setup) => setup.rubric,
  review: (setup) => setup.review,
  quotas: ({ quotas }) => ({
    defaultQuota: quotas.defaultQuota,
    recommendingDepths: [...quotas.recommendingDepths].sort((a, b) => a - b),
    overrides: [...quotas.overrides].sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
  }),
  levelDeadlines: (setup) => byDepth(setup.quotas.levelDeadlines),
  voting: (setup) => setup.voting,
  awards: (setup) => setup.awards,
  weights: (setup) => setup.weights,
  cultivation: (setup) => setup.cultivation,
};

/** JSON with object keys sorted, so equal settings compare equal whatever order their keys were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The settings groups whose values differ between two setups. */
export function changedGroups(before: TCampaignSetup, after: TCampaignSetup): TSettingsGroup[] {
  return (Object.keys(GROUP_VALUES) as TSettingsGroup[]).filter(
    (group) => canonical(GROUP_VALUES[group](before)) !== canonical(GROUP_VALUES[group](after)),
  );
}

export function groupValues(setup: TCampaignSetup, group: TSettingsGroup): unknown {
  return GROUP_VALUES[group](setup);
}
