import { describe, expect, it } from 'vitest';
import { returnRefusal } from '@/lib/campaign/entry-operations';
import { operationRefusal, type TLifecycle } from '@/lib/campaign/lifecycle';

const day = 86_400_000;
const now = new Date('2026-09-15T04:00:00Z');
const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * day);

/** Declaration, recommendation and 资格审查 one after another; `current` is the one running now (or none: all over). */
function stages(current: 'DECLARATION' | 'RECOMMENDATION' | 'QUALIFICATION' | 'AFTER'): TLifecycle {
  const kinds = ['DECLARATION', 'RECOMMENDATION', 'QUALIFICATION'] as const;
  const index = current === 'AFTER' ? kinds.length : kinds.indexOf(current);
  return {
    status: 'PUBLISHED',
    program: 'SELECTION',
    now,
    stages: kinds.map((kind, position) => ({ kind, isEnabled: true, startsAt: at((position - index) * 10 - 1), endsAt: at((position - index) * 10 + 9) })),
  };
}

const submitted = { status: 'SUBMITTED' as const };
const reminderRefusal = (life: TLifecycle) => operationRefusal('remind-declaration', life);

describe('returnRefusal', () => {
  it('allows a return while the branch can resubmit: during 申报, and in the stage the return reopens', () => {
    expect(returnRefusal(stages('DECLARATION'), submitted)).toBeNull();
    expect(returnRefusal(stages('RECOMMENDATION'), submitted)).toBeNull();
    expect(returnRefusal(stages('QUALIFICATION'), submitted, 'QUALIFICATION')).toBeNull();
  });

  it('refuses with the reason the user needs, the honour first', () => {
    expect(returnRefusal(stages('AFTER'), { ...submitted, isHonoured: true, isDecided: true })?.message).toBe('该品牌已列入表彰决定，不能退回');
    expect(returnRefusal(stages('AFTER'), { ...submitted, isDecided: true })?.message).toBe('该品牌已列入签署的初评审定结果，不能退回');
    expect(returnRefusal(stages('AFTER'), submitted)).toEqual({ code: 'STAGE_LOCKED', message: '资格审查已结束，该申报已进入评定环节，不能再退回重新申报' });
    expect(returnRefusal(stages('QUALIFICATION'), submitted)?.message).toBe('逐级推荐阶段未在进行中，退回后申报单位无法重新提交，不能退回');
    expect(returnRefusal(stages('RECOMMENDATION'), { ...submitted, status: 'RETURNED' })?.code).toBe('CONFLICT');
  });
});

describe('reminderRefusal', () => {
  it('allows 催报 only while 申报 is open', () => {
    expect(reminderRefusal(stages('DECLARATION'))).toBeNull();
    expect(reminderRefusal(stages('RECOMMENDATION'))?.message).toBe('申报阶段已结束，不能再催报');
    const running = stages('DECLARATION');
    const early = { ...running, stages: running.stages.map((stage) => ({ ...stage, startsAt: at(1), endsAt: at(2) })) };
    expect(reminderRefusal(early)?.message).toBe('申报尚未开始，开始后才能催报');
  });
});
