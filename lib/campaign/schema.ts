import { z } from 'zod';
import type { AwardKind, RubricTemplate } from '@/lib/generated/prisma/enums';
import { validateStageOrder } from '@/lib/campaign/stages';
import { AWARD_KIND_LABELS, PROGRAM_OPTIONAL_STAGES, PROGRAM_STAGES, STAGE_LABELS, STAGE_ORDER } from '@/lib/campaign/templates';
import { fromDateTimeLocal } from '@/lib/format';
import { ORG_FIELDS } from '@/lib/org-tree/fields';
import { levelDeadlineErrors } from '@/lib/campaign/recommendation-deadline';

// One schema for the wizard (zodResolver) and the server action. Numbers arrive as numbers
// (inputs use valueAsNumber), stage times as Asia/Shanghai datetime-local strings.

const AWARD_KINDS = Object.keys(AWARD_KIND_LABELS) as AwardKind[];
const RUBRIC_TEMPLATE_KINDS: RubricTemplate[] = ['FOUR_HAVE_ONE_GOOD', 'FIVE_WORDS', 'CUSTOM'];
const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const integer = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

/** Adds "名称不能重复" to every repeated value after its first occurrence. */
function flagDuplicates(values: readonly string[], ctx: z.RefinementCtx, key: string, message: string) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const normalized = value.trim();
    if (normalized && seen.has(normalized)) ctx.addIssue({ code: 'custom', message, path: [index, key] });
    seen.add(normalized);
  });
}

export const ZBasicsStep = z.object({
  /** The template; fixed once the campaign exists. */
  program: z.enum(['SELECTION', 'CREATION'], { error: '请选择活动模板' }),
  title: text('活动名称', 60),
  year: integer('年度', 2000, 2100),
  batch: integer('批次', 1, 99).nullable(),
  description: z.string().trim().max(500, '活动说明不能超过 500 个字'),
  ownerOrgId: z.string().min(1, '请选择主办组织'),
  nameMaxLength: integer('品牌名称字数上限', 5, 30),
  allowMultipleApplications: z.boolean(),
});

const ZStage = z.object({
  kind: z.enum(STAGE_ORDER),
  isEnabled: z.boolean(),
  startsAt: z.string().regex(DATETIME_LOCAL, '请选择开始时间'),
  endsAt: z.string().regex(DATETIME_LOCAL, '请选择结束时间'),
});

/** Stage times in order; which stages the list holds, and which may be off, is the program's (checked across steps). */
export const ZStages = z.array(ZStage).superRefine((stages, ctx) => {
  if (!stages.length || stages.some((stage, index) => index > 0 && STAGE_ORDER.indexOf(stage.kind) <= STAGE_ORDER.indexOf(stages[index - 1]!.kind))) {
    ctx.addIssue({ code: 'custom', message: '阶段设置不完整，请刷新页面后重试' });
    return;
  }
  const windows = stages.map((stage) => ({ ...stage, startsAt: fromDateTimeLocal(stage.startsAt), endsAt: fromDateTimeLocal(stage.endsAt) }));
  const orderErrors = validateStageOrder(windows);
  windows.forEach((stage, index) => {
    const label = STAGE_LABELS[stage.kind];
    const message = orderErrors[stage.kind] ?? (!stage.isEnabled && stage.endsAt <= stage.startsAt ? `${label}阶段的结束时间必须晚于开始时间` : undefined);
    if (!message) return;
    // Attach the message to the input the admin has to change.
    const endIsWrong = !Number.isNaN(stage.startsAt.getTime()) && (Number.isNaN(stage.endsAt.getTime()) || stage.endsAt <= stage.startsAt);
    ctx.addIssue({ code: 'custom', message, path: [index, endIsWrong ? 'endsAt' : 'startsAt'] });
  });
});

export const ZCampaignFields = z
  .array(
    z.object({
      name: text('领域名称', 20),
      orgFields: z.array(z.enum(ORG_FIELDS)).min(1, '请至少对应一个组织领域'),
    }),
  )
  .min(1, '至少设置一个领域')
  .max(20, '领域不能超过 20 个')
  .superRefine((fields, ctx) => flagDuplicates(fields.map((field) => field.name), ctx, 'name', '领域名称不能重复'));

export const ZAwards = z
  .array(
    z.object({
      kind: z.enum(AWARD_KINDS),
      name: text('奖项名称', 40),
      count: integer('获奖数量', 1, 500),
      fieldName: z.string().nullable(),
    }),
  )
  .max(60, '奖项不能超过 60 个')
  .superRefine((awards, ctx) => {
    flagDuplicates(awards.map((award) => award.name), ctx, 'name', '奖项名称不能重复');
    awards.forEach((award, index) => {
      if (award.kind === 'BEST_IN_FIELD' && !award.fieldName) {
        ctx.addIssue({ code: 'custom', message: '领域奖项请选择对应的领域', path: [index, 'fieldName'] });
      }
    });
  });

export const ZRubric = z.object({
  template: z.enum(RUBRIC_TEMPLATE_KINDS),
  criteria: z
    .array(
      z.object({
        name: text('评分项名称', 60),
        maxPoints: integer('满分', 1, 100),
        guidance: z.string().trim().max(500, '评分说明不能超过 500 个字'),
      }),
    )
    .min(1, '至少需要一条评分标准')
    .max(20, '评分标准不能超过 20 条'),
});

export const ZReviewRules = z.object({
  expertsPerEntry: integer('每个品牌的评审专家人数', 1, 20),
  reviewCapPerExpert: integer('每位专家最多评审数', 1, 500).nullable(),
  blindReview: z.boolean(),
  commentBelowPercent: integer('需写评语的分数线', 0, 100),
  scoreAggregation: z.enum(['MEAN', 'TRIMMED_MEAN', 'Z_SCORE']),
  disputeSpread: integer('复议分差', 0, 1000).nullable(),
});

export const ZQuotas = z.object({
  defaultQuota: integer('默认推荐名额', 0, 50),
  recommendingDepths: z.array(z.number().int().min(1).max(30)),
  overrides: z
    .array(z.object({ organizationId: z.string().min(1, '请选择组织'), limit: integer('推荐名额', 0, 50) }))
    .max(500, '单独设置的名额不能超过 500 条')
    .superRefine((overrides, ctx) => flagDuplicates(overrides.map((row) => row.organizationId), ctx, 'organizationId', '该组织已单独设置过名额')),
  /** Own deadlines of recommending levels (组织树第 depth 层); a level without one decides until the stage ends. */
  levelDeadlines: z
    .array(z.object({ depth: z.number().int().min(1).max(30), endsAt: z.string().regex(DATETIME_LOCAL, '请选择截止时间') }))
    .max(30)
    .default([]),
});

export const ZVoting = z
  .object({
    memberVotingEnabled: z.boolean(),
    publicVotingEnabled: z.boolean(),
    votesPerVoterPerDay: integer('每人每天可投票数', 1, 100),
    votesPerEntryPerDay: integer('每天对同一品牌可投票数', 1, 10),
    votesPerVoterTotal: integer('每人总票数', 1, 10_000).nullable(),
    allowVoteForOwnOrg: z.boolean(),
    resultsVisibility: z.enum(['HIDDEN', 'LIVE']),
  })
  .superRefine((voting, ctx) => {
    if (voting.votesPerEntryPerDay > voting.votesPerVoterPerDay) {
      ctx.addIssue({ code: 'custom', message: '对同一品牌的票数不能超过每人每天可投票数', path: ['votesPerEntryPerDay'] });
    }
    if (voting.votesPerVoterTotal !== null && voting.votesPerVoterTotal < voting.votesPerVoterPerDay) {
      ctx.addIssue({ code: 'custom', message: '每人总票数不能少于每人每天可投票数', path: ['votesPerVoterTotal'] });
    }
  });

export const ZWeights = z
  .object({ expertWeight: integer('专家评审权重', 0, 100), voteWeight: integer('网络投票权重', 0, 100) })
  .superRefine((weights, ctx) => {
    const sum = weights.expertWeight + weights.voteWeight;
    if (sum !== 100) ctx.addIssue({ code: 'custom', message: `两项权重之和必须为 100（当前为 ${sum}）`, path: ['voteWeight'] });
  });

/** 培育创建 and 验收认定 settings (seed 001): 台帐 due day, SMS reminders, 创建期 end, 申请截止 and 完成 dates. */
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .nullable()
    .refine((value) => !value || DATE_ONLY.test(value), `${label}格式不正确`)
    .transform((value) => value || null);

export const ZCultivationSettings = z
  .object({
    ledgerDueDay: integer('台帐上报日', 1, 28),
    reminderSms: z.boolean(),
    cultivationEndsOn: optionalDate('创建期结束日期'),
    acceptanceRequestDeadline: optionalDate('验收申请截止日期'),
    acceptanceCompleteBy: optionalDate('验收完成日期'),
  })
  .superRefine((settings, ctx) => {
    if (settings.acceptanceRequestDeadline && settings.acceptanceCompleteBy && settings.acceptanceRequestDeadline > settings.acceptanceCompleteBy) {
      ctx.addIssue({ code: 'custom', message: '验收完成日期不能早于申请截止日期', path: ['acceptanceCompleteBy'] });
    }
  });

export const ZStagesStep = z.object({ stages: ZStages });
export const ZFieldsAwardsStep = z.object({ fields: ZCampaignFields, awards: ZAwards });
export const ZRubricStep = z.object({ rubric: ZRubric, review: ZReviewRules });
export const ZQuotasStep = z.object({ quotas: ZQuotas });
export const ZVotingStep = z.object({ voting: ZVoting, weights: ZWeights });
export const ZCultivationStep = z.object({ cultivation: ZCultivationSettings });

/** The wizard's steps; the whole setup is their union plus the rules that span steps. Which steps a program shows: setupStepsOf. */
export const SETUP_STEP_SCHEMAS = {
  basics: ZBasicsStep,
  stages: ZStagesStep,
  fieldsAwards: ZFieldsAwardsStep,
  rubric: ZRubricStep,
  quotas: ZQuotasStep,
  voting: ZVotingStep,
  cultivation: ZCultivationStep,
} as const;

export type TSetupStep = keyof typeof SETUP_STEP_SCHEMAS;

/**
 * The wizard's steps of a program. 创建认定 has no recommendation, review, awards or vote: its wizard hides those steps
 * (their values stay at the defaults). A 选树 campaign shows the 培育与验收 step once its 培育创建 stage is switched on.
 */
export function setupStepsOf(program: 'SELECTION' | 'CREATION', isCultivating: boolean): TSetupStep[] {
  if (program === 'CREATION') return ['basics', 'stages', 'fieldsAwards', 'cultivation'];
  return ['basics', 'stages', 'fieldsAwards', 'rubric', 'quotas', 'voting', ...(isCultivating ? (['cultivation'] as const) : [])];
}

const setupShape = {
  ...ZBasicsStep.shape,
  ...ZStagesStep.shape,
  ...ZFieldsAwardsStep.shape,
  ...ZRubricStep.shape,
  ...ZQuotasStep.shape,
  ...ZVotingStep.shape,
  ...ZCultivationStep.shape,
};

type TSetupDraft = z.output<z.ZodObject<typeof setupShape>>;

/** Rules that span steps: awards name configured fields; voting settings follow the voting stage; level deadlines lie inside the recommendation stage. */
function checkAcrossSteps(setup: Pick<TSetupDraft, 'program' | 'fields' | 'awards' | 'stages' | 'voting' | 'weights' | 'quotas'>, ctx: z.RefinementCtx) {
  const kinds = PROGRAM_STAGES[setup.program];
  if (setup.stages.length !== kinds.length || setup.stages.some((stage, index) => stage.kind !== kinds[index])) {
    ctx.addIssue({ code: 'custom', message: '阶段设置与活动模板不符，请刷新页面后重试', path: ['stages'] });
    return;
  }
  setup.stages.forEach((stage, index) => {
    if (!stage.isEnabled && !PROGRAM_OPTIONAL_STAGES[setup.program].includes(stage.kind)) {
      ctx.addIssue({ code: 'custom', message: `${STAGE_LABELS[stage.kind]}阶段不能关闭`, path: ['stages', index, 'isEnabled'] });
    }
  });
  if (setup.program === 'SELECTION' && !setup.awards.length) {
    ctx.addIssue({ code: 'custom', message: '至少设置一个奖项', path: ['awards'] });
  }
  if (setup.program === 'CREATION') return;
  const fieldNames = new Set(setup.fields.map((field) => field.name.trim()));
  setup.awards.forEach((award, index) => {
    if (award.fieldName && !fieldNames.has(award.fieldName)) {
      ctx.addIssue({ code: 'custom', message: '请选择本活动已设置的领域', path: ['awards', index, 'fieldName'] });
    }
  });
  const votingStage = setup.stages.find((stage) => stage.kind === 'VOTING');
  if (votingStage?.isEnabled && !setup.voting.memberVotingEnabled && !setup.voting.publicVotingEnabled) {
    ctx.addIssue({ code: 'custom', message: '启用网络投票阶段时，请至少允许党员或公众之一投票', path: ['voting', 'memberVotingEnabled'] });
  }
  if (votingStage && !votingStage.isEnabled && setup.weights.voteWeight !== 0) {
    ctx.addIssue({ code: 'custom', message: '未启用网络投票阶段，网络投票权重应为 0', path: ['weights', 'voteWeight'] });
  }
  const recommendation = setup.stages.find((stage) => stage.kind === 'RECOMMENDATION');
  const deadlineErrors = levelDeadlineErrors(
    setup.quotas.levelDeadlines.map((row) => ({ depth: row.depth, endsAt: fromDateTimeLocal(row.endsAt) })),
    recommendation && { ...recommendation, startsAt: fromDateTimeLocal(recommendation.startsAt), endsAt: fromDateTimeLocal(recommendation.endsAt) },
    setup.quotas.recommendingDepths,
  );
  for (const [index, message] of Object.entries(deadlineErrors)) {
    ctx.addIssue({ code: 'custom', message, path: ['quotas', 'levelDeadlines', Number(index), 'endsAt'] });
  }
}

/** The whole campaign setup, as the wizard submits it and the server validates it. */
export const ZCampaignSetup = z.object(setupShape).superRefine(checkAcrossSteps);

export const ZCampaignRef = z.object({ campaignId: z.string().min(1, '缺少评选活动') });
export const ZStageCommand = ZCampaignRef.extend({ kind: z.enum(STAGE_ORDER, { error: '阶段不存在' }) });
export const CANCEL_REASON_MIN = 5;
export const CANCEL_REASON_MAX = 500;
export const ZCancelCampaign = ZCampaignRef.extend({
  reason: z
    .string()
    .trim()
    .min(CANCEL_REASON_MIN, `请写明撤销理由，至少 ${CANCEL_REASON_MIN} 个字`)
    .max(CANCEL_REASON_MAX, `撤销理由不能超过 ${CANCEL_REASON_MAX} 个字`),
});

export type TCampaignSetup = z.output<typeof ZCampaignSetup>;
export type TCampaignSetupInput = z.input<typeof ZCampaignSetup>;
export type TStageInput = TCampaignSetup['stages'][number];
export type TStageCommand = z.input<typeof ZStageCommand>;
export type TCampaignRef = z.input<typeof ZCampaignRef>;
export type TCancelCampaignInput = z.input<typeof ZCancelCampaign>;
