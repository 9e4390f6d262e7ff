import { describe, expect, it } from 'vitest';
import { currentStage, isVotingOpen, lockedRuleGroups, openStageEarly, stageStatus, validateStageOrder, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_ORDER } from '@/lib/campaign/templates';

const DAY = 86_400_000;
const t0 = new Date('2026-11-01T00:00:00+08:00');

function consecutiveStages(start = t0): TStageWindow[] {
  return STAGE_ORDER.map((kind, index) => ({
    kind,
    isEnabled: true,
    startsAt: new Date(start.getTime() + index * 10 * DAY),
    endsAt: new Date(start.getTime() + (index + 1) * 10 * DAY),
  }));
}

describe('stage windows', () => {
  const stage = consecutiveStages()[0];
  it('is upcoming before its start, open from the start (inclusive) and closed at its end (exclusive)', () => {
    expect(stageStatus(stage, new Date(t0.getTime() - 1))).toBe('upcoming');
    expect(stageStatus(stage, t0)).toBe('open');
    expect(stageStatus(stage, new Date(stage.endsAt.getTime() - 1))).toBe('open');
    expect(stageStatus(stage, stage.endsAt)).toBe('closed');
  });

  it('reports a disabled stage as disabled whatever the time', () => {
    expect(stageStatus({ ...stage, isEnabled: false }, t0)).toBe('disabled');
  });

  it('says the vote is open only while an enabled VOTING stage runs', () => {
    const stages = consecutiveStages();
    const voting = stages.find((candidate) => candidate.kind === 'VOTING')!;
    expect(isVotingOpen(stages, voting.startsAt)).toBe(true);
    expect(isVotingOpen(stages, voting.endsAt)).toBe(false);
    expect(isVotingOpen(stages.map((candidate) => (candidate.kind === 'VOTING' ? { ...candidate, isEnabled: false } : candidate)), voting.startsAt)).toBe(false);
    expect(isVotingOpen([], voting.startsAt)).toBe(false);
  });

  it('finds the running stage, or the next one between stages', () => {
    const stages = consecutiveStages();
    expect(currentStage(stages, new Date(t0.getTime() + 15 * DAY))?.kind).toBe('RECOMMENDATION');
    const withGap = stages.map((s) => (s.kind === 'DECLARATION' ? { ...s, endsAt: new Date(t0.getTime() + 5 * DAY) } : s));
    expect(currentStage(withGap, new Date(t0.getTime() + 7 * DAY))?.kind).toBe('RECOMMENDATION');
  });
});

describe('stage order validation', () => {
  it('accepts consecutive stages', () => {
    expect(validateStageOrder(consecutiveStages())).toEqual({});
  });

  it('refuses a stage that ends before it starts', () => {
    const stages = consecutiveStages().map((s) => (s.kind === 'VOTING' ? { ...s, endsAt: s.startsAt } : s));
    expect(validateStageOrder(stages)).toEqual({ VOTING: '网络投票阶段的结束时间必须晚于开始时间' });
  });

  it('refuses a stage that starts before the previous enabled stage ends', () => {
    const stages = consecutiveStages().map((s) => (s.kind === 'QUALIFICATION' ? { ...s, startsAt: new Date(t0.getTime() + 15 * DAY) } : s));
    expect(validateStageOrder(stages)).toEqual({ QUALIFICATION: '资格审查阶段不能早于逐级推荐阶段结束' });
  });

  it('ignores disabled stages when checking the order', () => {
    const stages = consecutiveStages().map((s) =>
      s.kind === 'VOTING' ? { ...s, isEnabled: false, startsAt: new Date(0), endsAt: new Date(1) } : s,
    );
    expect(validateStageOrder(stages)).toEqual({});
  });
});

describe('rules locked by started stages', () => {
  it('locks the declaration rules once declaration has started, and quotas only from recommendation', () => {
    const stages = consecutiveStages();
    expect(lockedRuleGroups(stages, new Date(t0.getTime() - 1))).toEqual([]);
    expect(lockedRuleGroups(stages, new Date(t0.getTime() + DAY))).toEqual(['fields', 'declarationForm', 'rubric']);
    expect(lockedRuleGroups(stages, new Date(t0.getTime() + 11 * DAY))).toContain('quotas');
  });
});

describe('opening a stage early', () => {
  it('starts it now and closes the earlier stage still running', () => {
    const stages = consecutiveStages();
    const now = new Date(t0.getTime() + 3 * DAY);
    const next = openStageEarly(stages, 'RECOMMENDATION', now);
    const declaration = next.find((s) => s.kind === 'DECLARATION')!;
    const recommendation = next.find((s) => s.kind === 'RECOMMENDATION')!;
    expect(declaration.endsAt).toEqual(now);
    expect(recommendation.startsAt).toEqual(now);
    expect(stageStatus(recommendation, now)).toBe('open');
    expect(validateStageOrder(next)).toEqual({});
  });
});
