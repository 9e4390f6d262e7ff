// The campaign's life as one explicit state machine (pure: no database, no request).
//
// A campaign is DRAFT → PUBLISHED → FINISHED, or CANCELLED from DRAFT/PUBLISHED. While PUBLISHED, where it stands is
// read from its stage windows by database time (lib/campaign/stages.ts). Every operation a service performs on a
// campaign or its entries is a row of OPERATIONS below: the campaign statuses and stage conditions in which it is
// allowed. Services ask `operationRefusal` / `assertOperation` (or `requireOperation` in lifecycle-db.ts, which
// reads the campaign and the database clock); pages ask the same function to decide which buttons to offer.
// Nothing else checks a stage by hand.
import type { CampaignStatus, StageKind } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';
import { currentStage, stageStatus, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';

export type TLifecycle = { status: CampaignStatus; stages: readonly TStageWindow[]; now: Date };

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
 * One stage condition: the stage must be `open` (running now), `started` (running or over), `closed` (over), or
 * `notClosed` (to come or running). `orDisabled` lets a campaign that does not hold the stage pass (e.g. 实地核验 not enabled).
 */
type TStageCondition = { stage: StageKind; must: 'open' | 'started' | 'closed' | 'notClosed'; orDisabled?: boolean };

type TOperationRule = {
  /** Chinese name of the operation, used in refusals: "不能{label}". */
  label: string;
  /** Campaign statuses in which the operation is possible at all (default: PUBLISHED). */
  statuses?: readonly CampaignStatus[];
  /** Every condition must hold; `anyOf` groups: at least one of the inner conditions must hold. */
  all?: readonly TStageCondition[];
  anyOf?: readonly TStageCondition[];
};

export const OPERATIONS = {
  'edit-setup': { label: '修改活动设置', statuses: ['DRAFT', 'PUBLISHED'] },
  'change-stage-dates': { label: '调整阶段时间', statuses: ['DRAFT', 'PUBLISHED'] },
  declare: { label: '填写或提交申报表', anyOf: [{ stage: 'DECLARATION', must: 'open' }] },
  'remind-declaration': { label: '催报', anyOf: [{ stage: 'DECLARATION', must: 'open' }] },
  recommend: { label: '推荐', anyOf: [{ stage: 'RECOMMENDATION', must: 'open' }] },
  qualify: { label: '资格审查', anyOf: [{ stage: 'QUALIFICATION', must: 'open' }] },
  'publish-brand-list': { label: '发布品牌清单', all: [{ stage: 'QUALIFICATION', must: 'started' }] },
  // Assignments may be prepared before the review opens, so experts find their sheets on its first day.
  'assign-experts': { label: '调整专家分配', all: [{ stage: 'EXPERT_REVIEW', must: 'notClosed' }] },
  score: { label: '评分', all: [{ stage: 'EXPERT_REVIEW', must: 'open' }] },
  'reopen-sheet': { label: '重新开放评分表', all: [{ stage: 'EXPERT_REVIEW', must: 'open' }] },
  'cast-vote': { label: '投票', all: [{ stage: 'VOTING', must: 'open' }] },
  'record-onsite': { label: '记录实地核验', all: [{ stage: 'ONSITE_CHECK', must: 'open' }] },
  // The meeting decides on a ranking that no longer moves: votes, scores and on-site checks are all in.
  deliberate: {
    label: '形成或签署初评、审定结果',
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
    all: [
      { stage: 'DELIBERATION', must: 'started' },
      { stage: 'VOTING', must: 'closed', orDisabled: true },
      { stage: 'EXPERT_REVIEW', must: 'closed', orDisabled: true },
      { stage: 'ONSITE_CHECK', must: 'closed', orDisabled: true },
    ],
  },
  'publish-publicity': { label: '发布公示', all: [{ stage: 'DELIBERATION', must: 'started' }] },
  'raise-objection': { label: '提出异议', all: [{ stage: 'PUBLICITY', must: 'open' }] },
  'publish-announcement': { label: '发布表彰决定', all: [{ stage: 'PUBLICITY', must: 'closed', orDisabled: true }] },
  'revoke-honor': { label: '摘牌', statuses: ['PUBLISHED', 'FINISHED'] },
  finish: { label: '结束活动', all: [{ stage: 'ANNOUNCEMENT', must: 'started', orDisabled: true }] },
  cancel: { label: '撤销活动', statuses: ['DRAFT', 'PUBLISHED'] },
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
  if (status === 'disabled') return `本活动未安排${stage}阶段，不能${label}`;
  if (condition.must === 'open') {
    if (status === 'upcoming') return `${stage}阶段尚未开始，不能${label}`;
    return `${stage}阶段已结束，不能${label}`;
  }
  if (condition.must === 'closed') return `${stage}阶段${status === 'open' ? '仍在进行中' : '尚未开始'}，结束后才能${label}`;
  if (condition.must === 'notClosed') return `${stage}阶段已结束，不能${label}`;
  return `${stage}阶段尚未开始，不能${label}`;
}

/** Why `operation` may not happen now, naming the stage, or null when it may. */
export function operationRefusal(operation: TCampaignOperation, life: TLifecycle): TRefusal | null {
  const rule: TOperationRule = OPERATIONS[operation];
  const statuses = rule.statuses ?? ['PUBLISHED'];
  if (!statuses.includes(life.status)) {
    return { code: 'STAGE_LOCKED', message: `活动${CAMPAIGN_STATUS_LABELS[life.status]}，不能${rule.label}` };
  }
  for (const condition of rule.all ?? []) {
    if (!holds(condition, life)) return { code: 'STAGE_LOCKED', message: conditionMessage(condition, life, rule.label) };
  }
  if (rule.anyOf && !rule.anyOf.some((condition) => holds(condition, life))) {
    return { code: 'STAGE_LOCKED', message: conditionMessage(rule.anyOf[0]!, life, rule.label) };
  }
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

/** Whether the campaign may take `transition` from its current status. */
export function transitionRefusal(transition: keyof typeof CAMPAIGN_TRANSITIONS, status: CampaignStatus): TRefusal | null {
  const rule = CAMPAIGN_TRANSITIONS[transition];
  if ((rule.from as readonly CampaignStatus[]).includes(status)) return null;
  return { code: 'CONFLICT', message: `活动${CAMPAIGN_STATUS_LABELS[status]}，不能${OPERATIONS[transition === 'publish' ? 'edit-setup' : transition].label}` };
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
  /** On the latest published 品牌清单. */
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

export function entryRefusal(operation: TEntryOperation, state: TEntryState): TRefusal | null {
  if ((ENTRY_OPERATIONS[operation] as readonly TEntryState[]).includes(state)) return null;
  return { code: 'CONFLICT', message: `该申报${ENTRY_STATE_LABELS[state]}，不能${ENTRY_OPERATION_LABELS[operation]}` };
}

export function assertEntryOperation(operation: TEntryOperation, state: TEntryState): void {
  const refusal = entryRefusal(operation, state);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
