import { describe, expect, it } from 'vitest';
import type { CampaignStatus, StageKind } from '@/lib/generated/prisma/enums';
import {
  ENTRY_OPERATIONS,
  entryRefusal,
  entryState,
  frozenRuleGroups,
  OPERATIONS,
  operationRefusal,
  stageMoveRefusal,
  transitionRefusal,
  type TCampaignOperation,
  type TEntryFacts,
  type TEntryOperation,
  type TEntryState,
  type TLifecycle,
} from '@/lib/campaign/lifecycle';
import type { TStageStatus } from '@/lib/campaign/stages';
import { STAGE_ORDER } from '@/lib/campaign/templates';

const DAY = 86_400_000;
const now = new Date('2026-09-15T04:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);

/** A campaign whose stages stand as given (by `now`); stages not named are upcoming. */
function life(states: Partial<Record<StageKind, TStageStatus>>, status: CampaignStatus = 'PUBLISHED'): TLifecycle {
  const window = (state: TStageStatus) => {
    if (state === 'open') return { startsAt: at(-1), endsAt: at(1) };
    if (state === 'closed') return { startsAt: at(-3), endsAt: at(-2) };
    return { startsAt: at(2), endsAt: at(3) };
  };
  return {
    status,
    program: 'SELECTION',
    now,
    stages: STAGE_ORDER.map((kind) => {
      const state = states[kind] ?? 'upcoming';
      return { kind, isEnabled: state !== 'disabled', ...window(state) };
    }),
  };
}

const allowed = (operation: TCampaignOperation, campaign: TLifecycle) => operationRefusal(operation, campaign) === null;
const refusal = (operation: TCampaignOperation, campaign: TLifecycle) => operationRefusal(operation, campaign)?.message;

/** operation → [stage states, expected: null when allowed, else the refusal's exact words]. */
const TABLE: [TCampaignOperation, Partial<Record<StageKind, TStageStatus>>, string | null][] = [
  ['declare', { DECLARATION: 'open' }, null],
  ['declare', { DECLARATION: 'upcoming' }, '申报尚未开始，暂不能填写或提交'],
  ['declare', { DECLARATION: 'closed', RECOMMENDATION: 'open' }, '申报阶段已结束，不能再填写或提交'],
  ['redeclare', { DECLARATION: 'closed', RECOMMENDATION: 'open' }, null],
  ['redeclare', { DECLARATION: 'closed', RECOMMENDATION: 'closed', QUALIFICATION: 'open' }, '申报阶段已结束，不能再填写或提交'],
  ['redeclare-after-qualification', { DECLARATION: 'closed', RECOMMENDATION: 'closed', QUALIFICATION: 'open' }, null],
  ['redeclare-after-qualification', { DECLARATION: 'closed', RECOMMENDATION: 'closed', QUALIFICATION: 'closed' }, '资格审查已结束，不能再修改或重新提交'],
  ['return-for-redeclaration', { DECLARATION: 'open' }, null],
  ['return-for-redeclaration', { DECLARATION: 'closed', RECOMMENDATION: 'open' }, null],
  ['return-for-redeclaration', { DECLARATION: 'closed', RECOMMENDATION: 'closed', QUALIFICATION: 'open' }, '逐级推荐阶段未在进行中，退回后申报单位无法重新提交，不能退回'],
  ['return-for-redeclaration', { DECLARATION: 'closed', RECOMMENDATION: 'closed', QUALIFICATION: 'closed', VOTING: 'open' }, '资格审查已结束，该申报已进入评定环节，不能再退回重新申报'],
  ['fail-qualification', { DECLARATION: 'closed', RECOMMENDATION: 'closed', QUALIFICATION: 'open' }, null],
  ['fail-qualification', { DECLARATION: 'closed', RECOMMENDATION: 'closed', QUALIFICATION: 'closed' }, '资格审查已结束，该申报已进入评定环节，不能再退回重新申报'],
  ['remind-declaration', { DECLARATION: 'open' }, null],
  ['remind-declaration', { DECLARATION: 'upcoming' }, '申报尚未开始，开始后才能催报'],
  ['remind-declaration', { DECLARATION: 'closed' }, '申报阶段已结束，不能再催报'],
  ['recommend', { DECLARATION: 'closed', RECOMMENDATION: 'open' }, null],
  ['recommend', { DECLARATION: 'open' }, '推荐阶段尚未开始'],
  ['recommend', { RECOMMENDATION: 'disabled' }, '本活动未启用推荐阶段'],
  ['qualify', { QUALIFICATION: 'open' }, null],
  ['qualify', { RECOMMENDATION: 'open' }, '资格审查阶段尚未开始，暂不能审查'],
  ['qualify', { QUALIFICATION: 'closed' }, '资格审查阶段已结束，不能再修改审查结果'],
  ['edit-qualification-checklist', { RECOMMENDATION: 'open' }, null],
  ['edit-qualification-checklist', { QUALIFICATION: 'disabled' }, null],
  ['edit-qualification-checklist', { QUALIFICATION: 'open' }, '资格审查已经开始，审查项不能再修改'],
  ['publish-brand-list', { QUALIFICATION: 'open' }, null],
  ['publish-brand-list', { QUALIFICATION: 'closed', VOTING: 'open' }, null],
  ['publish-brand-list', { RECOMMENDATION: 'open' }, '资格审查阶段开始后才能发布品牌清单'],
  ['publish-brand-list', { QUALIFICATION: 'disabled' }, '本活动未安排资格审查阶段，不能发布品牌清单'],
  ['score', { EXPERT_REVIEW: 'open' }, null],
  ['score', { EXPERT_REVIEW: 'closed' }, '专家评审阶段已结束，不能评分'],
  ['cast-vote', { VOTING: 'open' }, null],
  ['cast-vote', { VOTING: 'upcoming' }, '网络投票阶段尚未开始，不能投票'],
  ['deliberate', { VOTING: 'closed', EXPERT_REVIEW: 'closed', ONSITE_CHECK: 'closed', DELIBERATION: 'open' }, null],
  ['deliberate', { VOTING: 'disabled', EXPERT_REVIEW: 'closed', ONSITE_CHECK: 'disabled', DELIBERATION: 'open' }, null],
  ['deliberate', { VOTING: 'open', EXPERT_REVIEW: 'closed', DELIBERATION: 'open' }, '网络投票阶段仍在进行中，结束后才能形成或签署初评、审定结果'],
  ['deliberate', { VOTING: 'closed', EXPERT_REVIEW: 'closed', ONSITE_CHECK: 'open', DELIBERATION: 'open' }, '实地核验阶段仍在进行中，结束后才能形成或签署初评、审定结果'],
  ['invalidate-votes', { VOTING: 'open' }, null],
  ['invalidate-votes', { VOTING: 'closed', DELIBERATION: 'open' }, null],
  ['handle-objection', { PUBLICITY: 'open' }, null],
  ['handle-objection', { PUBLICITY: 'closed', ANNOUNCEMENT: 'open' }, null],
  ['finish', { PUBLICITY: 'closed', ANNOUNCEMENT: 'open' }, null],
  ['finish', { PUBLICITY: 'closed', ANNOUNCEMENT: 'closed' }, null],
  ['finish', { PUBLICITY: 'open' }, '通报表扬阶段尚未开始，不能结束活动'],
  ['cancel', { VOTING: 'open' }, null],
  ['restructure-organizations', { DECLARATION: 'open' }, null],
  ['restructure-organizations', { RECOMMENDATION: 'open' }, '逐级推荐已经开始，活动结束或撤销前不能移动或停用参评的组织'],
  ['restructure-organizations', { RECOMMENDATION: 'closed', VOTING: 'open' }, '逐级推荐已经开始，活动结束或撤销前不能移动或停用参评的组织'],
];

describe('OPERATIONS × stage states', () => {
  it.each(TABLE)('%s with %j → %s', (operation, states, expected) => {
    const outcome = operationRefusal(operation, life(states));
    if (expected === null) expect(outcome).toBeNull();
    else expect(outcome).toEqual({ code: 'STAGE_LOCKED', message: expected });
  });

  it('names the stage in the generic refusal, and fills in the level’s own deadline', () => {
    const closed = life({ RECOMMENDATION: 'closed' });
    expect(refusal('recommend', closed)).toBe('本级推荐已于 2026年9月13日 12:00 截止，不能再推荐或修改');
    expect(refusal('record-onsite', life({ ONSITE_CHECK: 'disabled' }))).toBe('本活动未安排实地核验阶段，不能记录实地核验');
  });

  it('refuses every operation of a cancelled campaign, and all but 摘牌 of a finished one, naming the status', () => {
    const everyStageOver = Object.fromEntries(STAGE_ORDER.map((kind) => [kind, 'closed'])) as Record<StageKind, TStageStatus>;
    for (const operation of Object.keys(OPERATIONS) as TCampaignOperation[]) {
      expect(refusal(operation, life(everyStageOver, 'CANCELLED'))).toMatch(/^活动已撤销，不能/);
      if (operation === 'revoke-honor') expect(allowed(operation, life(everyStageOver, 'FINISHED'))).toBe(true);
      else expect(refusal(operation, life(everyStageOver, 'FINISHED'))).toBe(`活动已结束，不能${OPERATIONS[operation].label}`);
    }
  });

  it('lets a draft be set up and cancelled, nothing else', () => {
    const draft = life({ DECLARATION: 'open' }, 'DRAFT');
    const open = (Object.keys(OPERATIONS) as TCampaignOperation[]).filter((operation) => allowed(operation, draft));
    expect(open.sort()).toEqual(['cancel', 'change-stage-dates', 'edit-qualification-checklist', 'edit-setup']);
  });
});

describe('campaign transitions, stage moves and rule locks', () => {
  it('publishes a draft only, finishes a running campaign only, cancels a draft or a running one', () => {
    expect(transitionRefusal('publish', 'DRAFT')).toBeNull();
    expect(transitionRefusal('publish', 'PUBLISHED')?.message).toBe('活动进行中，不能发布活动');
    expect(transitionRefusal('finish', 'PUBLISHED')).toBeNull();
    expect(transitionRefusal('finish', 'DRAFT')?.message).toBe('活动筹备中，不能结束活动');
    expect(transitionRefusal('cancel', 'DRAFT')).toBeNull();
    expect(transitionRefusal('cancel', 'FINISHED')).toEqual({ code: 'CONFLICT', message: '活动已结束，不能撤销活动' });
  });

  it('opens an upcoming stage early and closes a running one, in a running campaign', () => {
    const running = life({ DECLARATION: 'open', VOTING: 'disabled' });
    expect(stageMoveRefusal('open', 'RECOMMENDATION', running)).toBeNull();
    expect(stageMoveRefusal('open', 'DECLARATION', running)?.message).toBe('申报阶段已经开始，不能再提前开始');
    expect(stageMoveRefusal('close', 'DECLARATION', running)).toBeNull();
    expect(stageMoveRefusal('close', 'RECOMMENDATION', running)?.message).toBe('逐级推荐阶段不在进行中，不能提前结束');
    expect(stageMoveRefusal('open', 'VOTING', running)?.message).toBe('本活动未启用网络投票阶段');
    expect(stageMoveRefusal('open', 'RECOMMENDATION', { ...running, status: 'DRAFT' })?.message).toBe('评选活动发布后才能提前开始或结束阶段');
    expect(stageMoveRefusal('close', 'DECLARATION', { ...running, status: 'FINISHED' })?.message).toBe('活动已结束，不能提前开始或结束阶段');
  });

  it('freezes a rule group when its stage starts in a running campaign, never in a draft', () => {
    expect(frozenRuleGroups(life({ DECLARATION: 'open' }))).toEqual(['fields', 'declarationForm', 'rubric']);
    expect(frozenRuleGroups(life({ DECLARATION: 'open' }, 'DRAFT'))).toEqual([]);
  });
});

describe('entry states', () => {
  const STATES: [TEntryFacts, TEntryState][] = [
    [{ status: 'DRAFT' }, 'draft'],
    [{ status: 'SUBMITTED' }, 'submitted'],
    [{ status: 'SUBMITTED', isRecommendedToTop: true }, 'recommended'],
    [{ status: 'SUBMITTED', isRecommendedToTop: true, isListed: true }, 'listed'],
    [{ status: 'SUBMITTED', isListed: true, isReviewed: true }, 'reviewed'],
    [{ status: 'SUBMITTED', isListed: true, isReviewed: true, isDecided: true }, 'decided'],
    [{ status: 'SUBMITTED', isDecided: true, isPublicised: true }, 'publicised'],
    [{ status: 'SUBMITTED', isPublicised: true, isHeld: true }, 'held'],
    [{ status: 'SUBMITTED', isDecided: true, isHonoured: true }, 'honoured'],
    [{ status: 'SUBMITTED', isHonoured: true, isRevoked: true }, 'revoked'],
    // A return outranks everything the entry had reached: it is off the list at once.
    [{ status: 'RETURNED', isListed: true, isReviewed: true }, 'returned'],
    [{ status: 'WITHDRAWN' }, 'withdrawn'],
  ];
  it.each(STATES)('%j is %s', (facts, state) => expect(entryState(facts)).toBe(state));

  it('allows each entry operation exactly in its states', () => {
    const all = STATES.map(([, state]) => state);
    for (const [operation, states] of Object.entries(ENTRY_OPERATIONS) as [TEntryOperation, readonly TEntryState[]][]) {
      for (const state of all) expect(entryRefusal(operation, state) === null).toBe(states.includes(state));
    }
  });

  it('returns only a submitted entry not yet reviewed, with the reason the user needs', () => {
    expect(entryRefusal('return-entry', 'listed')).toBeNull();
    expect(entryRefusal('return-entry', 'returned')?.message).toBe('该申报已退回申报单位，正在等待重新申报');
    expect(entryRefusal('return-entry', 'decided')?.message).toBe('该品牌已列入签署的初评审定结果，不能退回');
    expect(entryRefusal('return-entry', 'honoured')?.message).toBe('该品牌已列入表彰决定，不能退回');
    expect(entryRefusal('return-entry', 'reviewed')?.message).toBe('该申报当前为“已评审”，不能退回');
  });

  it('keeps a returned or unlisted entry out of the vote, the review, the ranking and the award proposal', () => {
    for (const operation of ['receive-vote', 'score-entry', 'rank-entry', 'propose-award'] as const) {
      expect(entryRefusal(operation, 'listed')).toBeNull();
      expect(entryRefusal(operation, 'returned')?.message).toMatch(/^该品牌已退回重新申报，不在品牌清单中，不能/);
      expect(entryRefusal(operation, 'submitted')?.message).toMatch(/^该品牌不在品牌清单中，不能/);
    }
  });
});
