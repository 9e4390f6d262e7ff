// The campaign's life as one explicit state machine (pure: no database, no request).
//
// A campaign is DRAFT → PUBLISHED → FINISHED, or CANCELLED from DRAFT/PUBLISHED. While PUBLISHED, where it stands is
// read from its stage windows by database time (lib/campaign/stages.ts). Every operation a service performs on a
// campaign or its entries is a row of OPERATIONS below: the campaign statuses and stage conditions in which it is
// allowed. Services ask `operationRefusal` / `assertOperation` (or `requireOperation` in lifecycle-db.ts, which
// reads the campaign and the database clock); pages ask the same function to decide which buttons to offer.
// Nothing else checks a stage by hand.
import type { CampaignProgram, CampaignStatus, StageKind } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';
import {
  currentStage,
  lockedRuleGroups,
  RULE_GROUP_LABELS,
  RULES_LOCKED_BY,
  stageStatus,
  type TRuleGroup,
  type TStageStatus,
  type TStageWindow,
} from '@/lib/campaign/stages';
import { PROGRAM_LABELS, programHasStage, STAGE_LABELS } from '@/lib/campaign/templates';
import { formatDateTime } from '@/lib/format';

/**
 * `program`: the campaign's shape; an operation of a stage the program omits is refused whatever the dates.
 * `creationEndsAt`: the end (exclusive) of the 创建期 when the campaign sets one (cultivationEndsOn, end of that day in
 * Asia/Shanghai); without it the 创建期 ends with the 培育创建 stage.
 */
export type TLifecycle = { status: CampaignStatus; program: CampaignProgram; stages: readonly TStageWindow[]; now: Date; creationEndsAt?: Date | null };

export type TRefusal = { code: 'CONFLICT' | 'STAGE_LOCKED'; message: string };

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: '筹备中',
  PUBLISHED: '进行中',
  FINISHED: '已结束',
  CANCELLED: '已撤销',
};

/** Campaign-level transitions: from which statuses each one may be taken. */
export const CAMPAIGN_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
  finish: { from: ['PUBLISHED'], to: 'FINISHED' },
  cancel: { from: ['DRAFT', 'PUBLISHED'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly CampaignStatus[]; to: CampaignStatus }>;

/**
 * A refusal's wording where the generic one ("申报阶段已结束，不能…") says less than the users need: one text, or one per
 * status of the condition's stage. `{endsAt}` stands for the stage's end (date and time).
 */
type TConditionMessage = string | Partial<Record<TStageStatus, string>>;

/**
 * One stage condition: the stage must be `open` (running now), `started` (running or over), `closed` (over),
 * `upcoming` (not started yet) or `notClosed` (to come or running). `orDisabled` lets a campaign that does not hold the
 * stage pass (e.g. 实地核验 not enabled).
 */
type TStageCondition = {
  stage: StageKind;
  must: 'open' | 'started' | 'closed' | 'upcoming' | 'notClosed';
  orDisabled?: boolean;
  message?: TConditionMessage;
};

type TOperationRule = {
  /** Chinese name of the operation, used in refusals: "不能{label}". */
  label: string;
  /** The stage the operation belongs to: a program without that stage (创建认定 has no vote) refuses it outright. */
  belongsTo?: StageKind;
  /** Campaign statuses in which the operation is possible at all (default: PUBLISHED). */
  statuses?: readonly CampaignStatus[];
  /** Every condition must hold (checked first, in order); `anyOf`: at least one of the inner conditions must hold. */
  all?: readonly TStageCondition[];
  anyOf?: readonly TStageCondition[];
  /** The refusal when no `anyOf` condition holds (default: the first condition's wording). */
  anyOfMessage?: string;
  /** 培育创建 work: the CULTIVATION stage has started and the 创建期 (creationEndsAt, else the stage's end) is not over. */
  inCreationPeriod?: boolean;
};

const DECLARATION_OPEN = { stage: 'DECLARATION', must: 'open' } as const;
/** A return for 重新申报 is pointless once 资格审查 is over: the branch could not resubmit any more. */
const BEFORE_QUALIFICATION_ENDS = {
  stage: 'QUALIFICATION',
  must: 'notClosed',
  message: '资格审查已结束，该申报已进入评定环节，不能再退回重新申报',
} as const;

export const OPERATIONS = {
  'edit-setup': { label: '修改活动设置', statuses: ['DRAFT', 'PUBLISHED'] },
  'change-stage-dates': { label: '调整阶段时间', statuses: ['DRAFT', 'PUBLISHED'] },
  declare: {
    label: '填写或提交申报表',
    anyOf: [{ ...DECLARATION_OPEN, message: { upcoming: '申报尚未开始，暂不能填写或提交', closed: '申报阶段已结束，不能再填写或提交' } }],
  },
  /** An entry returned during 逐级推荐 may be revised while 申报 or 逐级推荐 runs: it climbs the levels again. */
  redeclare: {
    label: '修改或重新提交退回的申报表',
    anyOf: [DECLARATION_OPEN, { stage: 'RECOMMENDATION', must: 'open' }],
    anyOfMessage: '申报阶段已结束，不能再填写或提交',
  },
  /** An entry 资格审查 sent back may be revised while 资格审查 runs: it comes straight back to it. */
  'redeclare-after-qualification': {
    label: '修改或重新提交退回的申报表',
    anyOf: [DECLARATION_OPEN, { stage: 'QUALIFICATION', must: 'open' }],
    anyOfMessage: '资格审查已结束，不能再修改或重新提交',
  },
  /** 退回重新申报 only while the branch can still resubmit: the windows `redeclare` gives it afterwards. */
  'return-for-redeclaration': {
    label: '退回重新申报',
    all: [BEFORE_QUALIFICATION_ENDS],
    anyOf: [DECLARATION_OPEN, { stage: 'RECOMMENDATION', must: 'open' }],
    anyOfMessage: '逐级推荐阶段未在进行中，退回后申报单位无法重新提交，不能退回',
  },
  /** 资格审查不通过 sends the entry back; the windows of `redeclare-after-qualification`. */
  'fail-qualification': {
    label: '资格审查不通过并退回',
    all: [BEFORE_QUALIFICATION_ENDS],
    anyOf: [DECLARATION_OPEN, { stage: 'QUALIFICATION', must: 'open' }],
    anyOfMessage: '资格审查阶段未在进行中，退回后申报单位无法重新提交，不能退回',
  },
  'remind-declaration': {
    label: '催报',
    anyOf: [{ ...DECLARATION_OPEN, message: { upcoming: '申报尚未开始，开始后才能催报', closed: '申报阶段已结束，不能再催报' } }],
  },
  /** Asked with the level's own window (lib/campaign/recommendation-level levelLifecycle): the stage ends at its deadline. */
  recommend: {
    label: '推荐',
    belongsTo: 'RECOMMENDATION',
    anyOf: [
      {
        stage: 'RECOMMENDATION',
        must: 'open',
        message: { upcoming: '推荐阶段尚未开始', closed: '本级推荐已于 {endsAt} 截止，不能再推荐或修改', disabled: '本活动未启用推荐阶段' },
      },
    ],
  },
  qualify: {
    label: '资格审查',
    anyOf: [
      {
        stage: 'QUALIFICATION',
        must: 'open',
        message: { upcoming: '资格审查阶段尚未开始，暂不能审查', closed: '资格审查阶段已结束，不能再修改审查结果', disabled: '本活动未安排资格审查阶段' },
      },
    ],
  },
  /** Set before 资格审查 starts: once entries are being checked, a changed list would make earlier ticks mean something else. */
  'edit-qualification-checklist': {
    label: '修改资格审查项',
    statuses: ['DRAFT', 'PUBLISHED'],
    all: [{ stage: 'QUALIFICATION', must: 'upcoming', orDisabled: true, message: '资格审查已经开始，审查项不能再修改' }],
  },
  'publish-brand-list': {
    label: '发布品牌清单',
    all: [
      {
        stage: 'QUALIFICATION',
        must: 'started',
        message: { upcoming: '资格审查阶段开始后才能发布品牌清单', disabled: '本活动未安排资格审查阶段，不能发布品牌清单' },
      },
    ],
  },
  // Assignments may be prepared before the review opens, so experts find their sheets on its first day.
  'assign-experts': { label: '调整专家分配', belongsTo: 'EXPERT_REVIEW', all: [{ stage: 'EXPERT_REVIEW', must: 'notClosed' }] },
  score: { label: '评分', belongsTo: 'EXPERT_REVIEW', all: [{ stage: 'EXPERT_REVIEW', must: 'open' }] },
  'reopen-sheet': { label: '重新开放评分表', belongsTo: 'EXPERT_REVIEW', all: [{ stage: 'EXPERT_REVIEW', must: 'open' }] },
  'cast-vote': { label: '投票', belongsTo: 'VOTING', all: [{ stage: 'VOTING', must: 'open' }] },
  // 作废/恢复 of rigged votes while the campaign runs; lib/voting/invalidation.ts refuses it once the 审定 is signed.
  'invalidate-votes': { label: '作废或恢复投票', belongsTo: 'VOTING' },
  'record-onsite': { label: '记录实地核验', belongsTo: 'ONSITE_CHECK', all: [{ stage: 'ONSITE_CHECK', must: 'open' }] },
  // The meeting decides on a ranking that no longer moves: votes, scores and on-site checks are all in.
  deliberate: {
    label: '形成或签署初评、审定结果',
    belongsTo: 'DELIBERATION',
    all: [
      { stage: 'DELIBERATION', must: 'open' },
      { stage: 'VOTING', must: 'closed', orDisabled: true },
      { stage: 'EXPERT_REVIEW', must: 'closed', orDisabled: true },
      { stage: 'ONSITE_CHECK', must: 'closed', orDisabled: true },
    ],
  },
  // A signed 初评/审定 may be corrected (a new version) after the stage, e.g. when an objection in the 公示 is upheld;
  // lib/review/decisions.ts refuses it once the 表彰决定 is out.
  'correct-decision': {
    label: '更正初评或审定',
    belongsTo: 'DELIBERATION',
    all: [
      { stage: 'DELIBERATION', must: 'started' },
      { stage: 'VOTING', must: 'closed', orDisabled: true },
      { stage: 'EXPERT_REVIEW', must: 'closed', orDisabled: true },
      { stage: 'ONSITE_CHECK', must: 'closed', orDisabled: true },
    ],
  },
  'publish-publicity': { label: '发布公示', belongsTo: 'PUBLICITY', all: [{ stage: 'DELIBERATION', must: 'started' }] },
  'raise-objection': { label: '提出异议', belongsTo: 'PUBLICITY', all: [{ stage: 'PUBLICITY', must: 'open' }] },
  // 受理/调查/答复/不予受理 while the campaign runs (the 公示 may be over: answers come after it); a finished campaign
  // has none open (结束活动 and the 表彰决定 both wait for every answer), a cancelled one has nothing left to decide.
  'handle-objection': { label: '办理异议', belongsTo: 'PUBLICITY' },
  'publish-announcement': { label: '发布表彰决定', belongsTo: 'ANNOUNCEMENT', all: [{ stage: 'PUBLICITY', must: 'closed', orDisabled: true }] },
  'revoke-honor': { label: '摘牌', belongsTo: 'ANNOUNCEMENT', statuses: ['PUBLISHED', 'FINISHED'] },
  finish: { label: '结束活动', all: [{ stage: 'ANNOUNCEMENT', must: 'started', orDisabled: true }] },
  cancel: { label: '撤销活动', statuses: ['DRAFT', 'PUBLISHED'] },
  // 验收认定 ("成熟一个、验收一个"): requests while the stage runs (the campaign's acceptanceRequestDeadline is checked by
  // lib/acceptance/rules.ts); each request is handled once it arrives, and a request made in time may still be decided
  // after the stage, so review and decision only need the stage to have started.
  /**
   * "成熟一个、验收一个" (seed 001): a brand requests acceptance when it is ready — during 培育创建 as well as in 验收认定 —
   * and each request is handled as it comes (the campaign's 申请截止 is checked by the acceptance service).
   */
  'request-acceptance': {
    label: '申请验收',
    belongsTo: 'ACCEPTANCE',
    anyOf: [
      { stage: 'ACCEPTANCE', must: 'open', message: { upcoming: '验收认定阶段尚未开始，暂不能申请验收', closed: '验收认定阶段已结束，不能再申请验收', disabled: '本活动未安排验收认定阶段' } },
      { stage: 'CULTIVATION', must: 'open' },
    ],
  },
  'review-acceptance': {
    label: '组织验收',
    belongsTo: 'ACCEPTANCE',
    anyOf: [{ stage: 'ACCEPTANCE', must: 'started', message: { upcoming: '验收认定阶段尚未开始，暂不能组织验收', disabled: '本活动未安排验收认定阶段' } }, { stage: 'CULTIVATION', must: 'started' }],
  },
  /**
   * Moving or disabling an organization inside a running campaign's scope, asked per PUBLISHED campaign: once 逐级推荐
   * has opened, entries stand at levels of the tree as it was, so the tree stays as it is until the campaign ends.
   */
  'restructure-organizations': {
    label: '移动或停用参评组织',
    all: [{ stage: 'RECOMMENDATION', must: 'upcoming', orDisabled: true, message: '逐级推荐已经开始，活动结束或撤销前不能移动或停用参评的组织' }],
  },
  // 培育创建: the brand's organization writes its 创建方案 and keeps its monthly 台帐, its committee decides on the plan.
  'write-plan': { label: '填写或提交创建方案', belongsTo: 'CULTIVATION', inCreationPeriod: true },
  'decide-plan': { label: '审核创建方案', belongsTo: 'CULTIVATION', inCreationPeriod: true },
  'keep-ledger': { label: '填写或上报台帐', belongsTo: 'CULTIVATION', inCreationPeriod: true },
} as const satisfies Record<string, TOperationRule>;

export type TCampaignOperation = keyof typeof OPERATIONS;

function statusOf(stages: readonly TStageWindow[], kind: StageKind, now: Date): TStageStatus {
  const stage = stages.find((candidate) => candidate.kind === kind);
  return stage ? stageStatus(stage, now) : 'disabled';
}

function holds(condition: TStageCondition, life: TLifecycle): boolean {
  const status = statusOf(life.stages, condition.stage, life.now);
  if (status === 'disabled') return !!condition.orDisabled;
  if (condition.must === 'open') return status === 'open';
  if (condition.must === 'closed') return status === 'closed';
  if (condition.must === 'upcoming') return status === 'upcoming';
  if (condition.must === 'notClosed') return status === 'open' || status === 'upcoming';
  return status === 'open' || status === 'closed';
}

/** Where the campaign stands, in words: "专家评审阶段" or "筹备中". */
export function describeLifecycle(life: TLifecycle): string {
  if (life.status !== 'PUBLISHED') return `活动${CAMPAIGN_STATUS_LABELS[life.status]}`;
  const stage = currentStage(life.stages, life.now);
  if (!stage) return '各阶段均已结束';
  return stageStatus(stage, life.now) === 'open' ? `当前为${STAGE_LABELS[stage.kind]}阶段` : `${STAGE_LABELS[stage.kind]}阶段尚未开始`;
}

function conditionMessage(condition: TStageCondition, life: TLifecycle, label: string): string {
  const stage = STAGE_LABELS[condition.stage];
  const status = statusOf(life.stages, condition.stage, life.now);
  const own = typeof condition.message === 'string' ? condition.message : condition.message?.[status];
  if (own) {
    const endsAt = life.stages.find((candidate) => candidate.kind === condition.stage)?.endsAt;
    return own.replace('{endsAt}', formatDateTime(endsAt));
  }
  if (status === 'disabled') return `本活动未安排${stage}阶段，不能${label}`;
  if (condition.must === 'upcoming') return `${stage}阶段已经开始，不能${label}`;
  if (condition.must === 'notClosed') return `${stage}阶段已结束，不能${label}`;
  if (condition.must === 'open') {
    if (status === 'upcoming') return `${stage}阶段尚未开始，不能${label}`;
    return `${stage}阶段已结束，不能${label}`;
  }
  if (condition.must === 'closed') return `${stage}阶段${status === 'open' ? '仍在进行中' : '尚未开始'}，结束后才能${label}`;
  return `${stage}阶段尚未开始，不能${label}`;
}

/** Why `operation` may not happen now, naming the stage, or null when it may. */
export function operationRefusal(operation: TCampaignOperation, life: TLifecycle): TRefusal | null {
  const rule: TOperationRule = OPERATIONS[operation];
  if (rule.belongsTo && !programHasStage(life.program, rule.belongsTo)) {
    return { code: 'STAGE_LOCKED', message: `${PROGRAM_LABELS[life.program]}活动没有${STAGE_LABELS[rule.belongsTo]}环节，不能${rule.label}` };
  }
  const statuses = rule.statuses ?? ['PUBLISHED'];
  if (!statuses.includes(life.status)) {
    return { code: 'STAGE_LOCKED', message: `活动${CAMPAIGN_STATUS_LABELS[life.status]}，不能${rule.label}` };
  }
  for (const condition of rule.all ?? []) {
    if (!holds(condition, life)) return { code: 'STAGE_LOCKED', message: conditionMessage(condition, life, rule.label) };
  }
  if (rule.anyOf && !rule.anyOf.some((condition) => holds(condition, life))) {
    return { code: 'STAGE_LOCKED', message: rule.anyOfMessage ?? conditionMessage(rule.anyOf[0]!, life, rule.label) };
  }
  if (rule.inCreationPeriod) return creationPeriodRefusal(life, rule.label);
  return null;
}

/** The 创建期 as a window: from the 培育创建 stage's start to creationEndsAt, or to the stage's end. Null when not held. */
export function creationPeriod(life: Pick<TLifecycle, 'stages' | 'creationEndsAt'>): { startsAt: Date; endsAt: Date } | null {
  const stage = life.stages.find((candidate) => candidate.kind === 'CULTIVATION');
  if (!stage || !stage.isEnabled) return null;
  return { startsAt: stage.startsAt, endsAt: life.creationEndsAt ?? stage.endsAt };
}

function creationPeriodRefusal(life: TLifecycle, label: string): TRefusal | null {
  const period = creationPeriod(life);
  if (!period) return { code: 'STAGE_LOCKED', message: `本活动未安排培育创建阶段，不能${label}` };
  if (life.now < period.startsAt) return { code: 'STAGE_LOCKED', message: `培育创建阶段尚未开始，不能${label}` };
  if (life.now >= period.endsAt) return { code: 'STAGE_LOCKED', message: `创建期已于${formatDateTime(period.endsAt)}结束，不能${label}` };
  return null;
}

export function isOperationAllowed(operation: TCampaignOperation, life: TLifecycle): boolean {
  return operationRefusal(operation, life) === null;
}

/** Throws the refusal as an AppError (STAGE_LOCKED) with its Chinese message. */
export function assertOperation(operation: TCampaignOperation, life: TLifecycle): void {
  const refusal = operationRefusal(operation, life);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

const TRANSITION_LABELS: Record<keyof typeof CAMPAIGN_TRANSITIONS, string> = { publish: '发布活动', finish: OPERATIONS.finish.label, cancel: OPERATIONS.cancel.label };

/** Whether the campaign may take `transition` from its current status (finish and cancel: ask `operationRefusal` too). */
export function transitionRefusal(transition: keyof typeof CAMPAIGN_TRANSITIONS, status: CampaignStatus): TRefusal | null {
  const rule = CAMPAIGN_TRANSITIONS[transition];
  if ((rule.from as readonly CampaignStatus[]).includes(status)) return null;
  return { code: 'CONFLICT', message: `活动${CAMPAIGN_STATUS_LABELS[status]}，不能${TRANSITION_LABELS[transition]}` };
}

/** Why a rule group can no longer change; the same words the setup page shows beside it. */
export function lockedGroupMessage(group: TRuleGroup): string {
  return `${RULE_GROUP_LABELS[group]}已随${STAGE_LABELS[RULES_LOCKED_BY[group]]}阶段开始而锁定，不能再修改`;
}

/** The rule groups frozen now: in a running campaign, each group locks when its stage (RULES_LOCKED_BY) starts. */
export function frozenRuleGroups(life: TLifecycle): TRuleGroup[] {
  return life.status === 'PUBLISHED' ? lockedRuleGroups(life.stages, life.now) : [];
}

/**
 * 提前开始 (`open`: an upcoming stage starts now) or 提前结束 (`close`: a running stage ends now) of one stage, only in a
 * running campaign. Null when the move may happen.
 */
export function stageMoveRefusal(move: 'open' | 'close', kind: StageKind, life: TLifecycle): TRefusal | null {
  const stage = STAGE_LABELS[kind];
  if (life.status === 'DRAFT') return { code: 'CONFLICT', message: '评选活动发布后才能提前开始或结束阶段' };
  if (life.status !== 'PUBLISHED') return { code: 'CONFLICT', message: `活动${CAMPAIGN_STATUS_LABELS[life.status]}，不能提前开始或结束阶段` };
  const window = life.stages.find((candidate) => candidate.kind === kind);
  const status = statusOf(life.stages, kind, life.now);
  if (!window || status === 'disabled') return { code: 'CONFLICT', message: `本活动未启用${stage}阶段` };
  if (move === 'open') return status === 'upcoming' ? null : { code: 'CONFLICT', message: `${stage}阶段已经开始，不能再提前开始` };
  // A stage that starts this very instant has nothing to end early.
  return status === 'open' && window.startsAt < life.now ? null : { code: 'CONFLICT', message: `${stage}阶段不在进行中，不能提前结束` };
}

// ─── Entries ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The state of one entry (申报) in its campaign. The main line is
 * draft → submitted → recommended → listed → reviewed → decided → publicised → honoured;
 * returned / withdrawn / held / revoked are the side states.
 */
export type TEntryState =
  | 'draft'
  | 'submitted'
  | 'recommended'
  | 'listed'
  | 'reviewed'
  | 'decided'
  | 'publicised'
  | 'honoured'
  | 'returned'
  | 'withdrawn'
  | 'held'
  | 'revoked';

export const ENTRY_STATE_LABELS: Record<TEntryState, string> = {
  draft: '草稿',
  submitted: '已提交',
  recommended: '已推荐至组织部',
  listed: '列入品牌清单',
  reviewed: '已评审',
  decided: '已审定',
  publicised: '公示中',
  honoured: '已表彰',
  returned: '已退回',
  withdrawn: '已撤回',
  held: '暂缓表彰',
  revoked: '已摘牌',
};

/** What the database knows of an entry, enough to place it in the state machine. */
export type TEntryFacts = {
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'WITHDRAWN';
  /** Reached the organization department through every level of recommendation. */
  isRecommendedToTop?: boolean;
  /** On the 品牌清单: the latest published version lists it and it has not been returned since (is_listed_entry). */
  isListed?: boolean;
  /** Has at least one submitted score sheet. */
  isReviewed?: boolean;
  /** Stands in the latest signed 审定. */
  isDecided?: boolean;
  /** Stands in a published 公示. */
  isPublicised?: boolean;
  /** Has an open or upheld objection holding its honour. */
  isHeld?: boolean;
  /** Holds an honour in a published 表彰决定. */
  isHonoured?: boolean;
  /** Its honour was revoked (摘牌). */
  isRevoked?: boolean;
};

export function entryState(facts: TEntryFacts): TEntryState {
  if (facts.status === 'DRAFT') return 'draft';
  if (facts.status === 'RETURNED') return 'returned';
  if (facts.status === 'WITHDRAWN') return 'withdrawn';
  if (facts.isRevoked) return 'revoked';
  if (facts.isHonoured) return 'honoured';
  if (facts.isHeld) return 'held';
  if (facts.isPublicised) return 'publicised';
  if (facts.isDecided) return 'decided';
  if (facts.isReviewed) return 'reviewed';
  if (facts.isListed) return 'listed';
  if (facts.isRecommendedToTop) return 'recommended';
  return 'submitted';
}

/** The entry states in which each entry operation is allowed (the campaign's stage is checked by OPERATIONS). */
export const ENTRY_OPERATIONS = {
  'edit-entry': ['draft', 'returned'],
  'submit-entry': ['draft', 'returned'],
  'return-entry': ['submitted', 'recommended', 'listed'],
  'recommend-entry': ['submitted'],
  'qualify-entry': ['recommended'],
  'receive-vote': ['listed', 'reviewed'],
  'score-entry': ['listed', 'reviewed'],
  'check-onsite': ['listed', 'reviewed'],
  'rank-entry': ['listed', 'reviewed', 'decided'],
  'propose-award': ['listed', 'reviewed', 'decided'],
  'publicise-entry': ['decided'],
  'honour-entry': ['publicised'],
  'revoke-honour': ['honoured'],
} as const satisfies Record<string, readonly TEntryState[]>;

export type TEntryOperation = keyof typeof ENTRY_OPERATIONS;

const ENTRY_OPERATION_LABELS: Record<TEntryOperation, string> = {
  'edit-entry': '修改申报表',
  'submit-entry': '提交申报表',
  'return-entry': '退回',
  'recommend-entry': '推荐',
  'qualify-entry': '资格审查',
  'receive-vote': '投票',
  'score-entry': '评分',
  'check-onsite': '实地核验',
  'rank-entry': '参加排名',
  'propose-award': '建议奖项',
  'publicise-entry': '公示',
  'honour-entry': '表彰',
  'revoke-honour': '摘牌',
};

const DECIDED_RETURN = '该品牌已列入签署的初评审定结果，不能退回';

/** Where the generic wording ("该申报当前为“已审定”，不能退回") says less than the user needs. */
const ENTRY_REFUSAL_MESSAGES: Partial<Record<TEntryOperation, Partial<Record<TEntryState, string>>>> = {
  'return-entry': {
    draft: '申报表尚未提交，不能退回',
    returned: '该申报已退回申报单位，正在等待重新申报',
    decided: DECIDED_RETURN,
    publicised: DECIDED_RETURN,
    held: DECIDED_RETURN,
    revoked: DECIDED_RETURN,
    honoured: '该品牌已列入表彰决定，不能退回',
  },
};

/** What only an entry on the 品牌清单 takes part in; the states before the list (or off it) are told so. */
const LISTED_ONLY: readonly TEntryOperation[] = ['receive-vote', 'score-entry', 'check-onsite', 'rank-entry', 'propose-award'];
const BEFORE_LIST: readonly TEntryState[] = ['draft', 'submitted', 'recommended', 'returned', 'withdrawn'];

export function entryRefusal(operation: TEntryOperation, state: TEntryState): TRefusal | null {
  if ((ENTRY_OPERATIONS[operation] as readonly TEntryState[]).includes(state)) return null;
  const label = ENTRY_OPERATION_LABELS[operation];
  if (LISTED_ONLY.includes(operation) && BEFORE_LIST.includes(state)) {
    return { code: 'CONFLICT', message: `该品牌${state === 'returned' ? '已退回重新申报，' : ''}不在品牌清单中，不能${label}` };
  }
  const message = ENTRY_REFUSAL_MESSAGES[operation]?.[state] ?? `该申报当前为“${ENTRY_STATE_LABELS[state]}”，不能${label}`;
  return { code: 'CONFLICT', message };
}

export function assertEntryOperation(operation: TEntryOperation, state: TEntryState): void {
  const refusal = entryRefusal(operation, state);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
