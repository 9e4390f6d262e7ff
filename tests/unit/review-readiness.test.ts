import { describe, expect, it } from 'vitest';
import { operationRefusal, type TLifecycle } from '@/lib/campaign/lifecycle';
import type { TStageWindow } from '@/lib/campaign/stages';
import { reviewBlockers } from '@/lib/review/readiness';

const now = new Date('2026-11-20T04:00:00Z');
const day = 86_400_000;
const window = (kind: TStageWindow['kind'], from: number, to: number, isEnabled = true): TStageWindow => ({ kind, isEnabled, startsAt: new Date(now.getTime() + from * day), endsAt: new Date(now.getTime() + to * day) });
const life = (stages: TStageWindow[]): TLifecycle => ({ status: 'PUBLISHED', program: 'SELECTION', stages, now });

describe('when the 部务会 and 领导小组 may decide (lifecycle rows)', () => {
  const over = [window('VOTING', -20, -10), window('EXPERT_REVIEW', -10, -5), window('ONSITE_CHECK', -5, -1)];

  it('deliberates only in its stage, once votes, scores and on-site checks are all in', () => {
    expect(operationRefusal('deliberate', life([...over, window('DELIBERATION', -1, 3)]))).toBeNull();
    expect(operationRefusal('deliberate', life([...over, window('DELIBERATION', 1, 3)]))?.message).toBe('初评审定阶段尚未开始，不能形成或签署初评、审定结果');
    expect(operationRefusal('deliberate', life([...over, window('DELIBERATION', -5, -1)]))?.message).toBe('初评审定阶段已结束，不能形成或签署初评、审定结果');
    const votingOpen = [window('VOTING', -2, 2), window('EXPERT_REVIEW', -10, -5), window('ONSITE_CHECK', -5, -1), window('DELIBERATION', -1, 3)];
    expect(operationRefusal('deliberate', life(votingOpen))?.message).toBe('网络投票阶段仍在进行中，结束后才能形成或签署初评、审定结果');
    const onsiteOpen = [window('VOTING', -20, -10), window('EXPERT_REVIEW', -10, -5), window('ONSITE_CHECK', -2, 2), window('DELIBERATION', -1, 3)];
    expect(operationRefusal('deliberate', life(onsiteOpen))?.message).toBe('实地核验阶段仍在进行中，结束后才能形成或签署初评、审定结果');
    expect(operationRefusal('deliberate', life([window('VOTING', 0, 0, false), window('ONSITE_CHECK', 0, 0, false), window('EXPERT_REVIEW', -10, -5), window('DELIBERATION', -1, 3)]))).toBeNull();
  });

  it('corrects a signed decision after the stage too (e.g. after an objection in the 公示), never before it', () => {
    expect(operationRefusal('correct-decision', life([...over, window('DELIBERATION', -5, -1), window('PUBLICITY', -1, 4)]))).toBeNull();
    expect(operationRefusal('correct-decision', life([...over, window('DELIBERATION', 1, 3)]))?.message).toBe('初评审定阶段尚未开始，不能更正初评或审定');
  });

  it('records 实地核验 only in its stage; prepares assignments before the review but not after it', () => {
    expect(operationRefusal('record-onsite', life([window('ONSITE_CHECK', -1, 1)]))).toBeNull();
    expect(operationRefusal('record-onsite', life([window('ONSITE_CHECK', -3, -1)]))?.message).toBe('实地核验阶段已结束，不能记录实地核验');
    expect(operationRefusal('record-onsite', life([window('ONSITE_CHECK', 0, 0, false)]))?.message).toBe('本活动未安排实地核验阶段，不能记录实地核验');
    expect(operationRefusal('assign-experts', life([window('EXPERT_REVIEW', 1, 3)]))).toBeNull();
    expect(operationRefusal('assign-experts', life([window('EXPERT_REVIEW', -3, -1)]))?.message).toBe('专家评审阶段已结束，不能调整专家分配');
  });
});

describe('what still moves in the ranking', () => {
  const row = (brandName: string, submitted: number, assigned: number, pending: { round: number; assigned: number; submitted: number } | null = null) => ({ brandName, submitted, assigned, pending });

  it('names unsubmitted sheets and open 复议 rounds, nothing when the review is complete', () => {
    expect(reviewBlockers([row('甲', 5, 5), row('乙', 3, 3)])).toEqual([]);
    expect(reviewBlockers([row('甲', 4, 5), row('乙', 5, 5, { round: 2, assigned: 5, submitted: 1 })])).toEqual([
      '“甲”还有专家未提交评分（请延长专家评审让专家提交，或移除未提交的评分表）',
      '“乙”的复议尚未完成（复议评分全部提交后以复议结果为准）',
    ]);
    expect(reviewBlockers(['甲', '乙', '丙', '丁'].map((name) => row(name, 0, 1)))[0]).toBe('“甲”、“乙”、“丙” 等 4 个品牌还有专家未提交评分（请延长专家评审让专家提交，或移除未提交的评分表）');
  });
});
