import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/http/errors';
import { AppError } from '@/lib/errors';
import { ZCampaignSetup, type TCampaignSetup } from '@/lib/campaign/schema';
import { changedGroups, defaultCampaignSetup } from '@/lib/campaign/setup-values';
import { checkLevelDeadlineChanges } from '@/lib/campaign/stage-changes';
import type { TStageWindow } from '@/lib/campaign/stages';
import { levelDeadlineErrors, levelStatus, levelWindow } from '@/lib/campaign/recommendation-deadline';

const at = (value: string) => new Date(`${value}:00+08:00`);

const stages: TStageWindow[] = [
  { kind: 'DECLARATION', isEnabled: true, startsAt: at('2026-08-01T00:00'), endsAt: at('2026-09-01T00:00') },
  { kind: 'RECOMMENDATION', isEnabled: true, startsAt: at('2026-09-01T00:00'), endsAt: at('2026-09-20T18:00') },
];
const recommendation = stages[1];

describe('level window', () => {
  it('ends at the level’s own deadline when it is earlier than the stage end, and at the stage end otherwise', () => {
    const deadlines = [{ depth: 2, endsAt: at('2026-09-10T17:00') }];
    expect(levelWindow(stages, deadlines, 2)?.endsAt).toEqual(at('2026-09-10T17:00'));
    expect(levelWindow(stages, deadlines, 1)?.endsAt).toEqual(recommendation.endsAt);
    expect(levelWindow(stages, [{ depth: 2, endsAt: at('2026-09-25T00:00') }], 2)?.endsAt).toEqual(recommendation.endsAt);
  });

  it('closes a level at its deadline while the stage and higher levels stay open', () => {
    const deadlines = [{ depth: 2, endsAt: at('2026-09-10T17:00') }];
    expect(levelStatus(stages, deadlines, 2, at('2026-09-10T16:59'))).toBe('open');
    expect(levelStatus(stages, deadlines, 2, at('2026-09-10T17:00'))).toBe('closed');
    expect(levelStatus(stages, deadlines, 1, at('2026-09-10T17:00'))).toBe('open');
    expect(levelStatus(stages, deadlines, 1, at('2026-08-30T00:00'))).toBe('upcoming');
    expect(levelStatus(stages.slice(0, 1), deadlines, 1, at('2026-09-10T00:00'))).toBe('disabled');
  });
});

describe('level deadline rules', () => {
  it('accepts deadlines inside the stage where a lower level closes no later than a higher one', () => {
    const deadlines = [
      { depth: 2, endsAt: at('2026-09-10T17:00') },
      { depth: 1, endsAt: at('2026-09-20T18:00') },
    ];
    expect(levelDeadlineErrors(deadlines, recommendation, [1, 2])).toEqual({});
  });

  it('refuses a deadline outside the stage, for a level that does not recommend, twice for one level, or after a higher level', () => {
    expect(levelDeadlineErrors([{ depth: 2, endsAt: at('2026-09-21T00:00') }], recommendation, [2])).toEqual({
      0: '截止时间须在推荐阶段之内（2026年9月1日 00:00 至 2026年9月20日 18:00）',
    });
    expect(levelDeadlineErrors([{ depth: 2, endsAt: at('2026-09-01T00:00') }], recommendation, [2])[0]).toMatch(/^截止时间须在推荐阶段之内/);
    expect(levelDeadlineErrors([{ depth: 3, endsAt: at('2026-09-10T00:00') }], recommendation, [1, 2])).toEqual({ 0: '第 3 层不负责推荐，不需要截止时间' });
    expect(
      levelDeadlineErrors(
        [
          { depth: 2, endsAt: at('2026-09-10T00:00') },
          { depth: 2, endsAt: at('2026-09-11T00:00') },
        ],
        recommendation,
        [],
      ),
    ).toEqual({ 1: '第 2 层的截止时间重复设置' });
    expect(
      levelDeadlineErrors(
        [
          { depth: 1, endsAt: at('2026-09-10T00:00') },
          { depth: 2, endsAt: at('2026-09-15T00:00') },
        ],
        recommendation,
        [1, 2],
      ),
    ).toEqual({ 1: '下级的截止时间不能晚于上级（第 1 层截止于 2026年9月10日 00:00）' });
    expect(levelDeadlineErrors([{ depth: 1, endsAt: at('2026-09-10T00:00') }], { ...recommendation, isEnabled: false }, [])).toEqual({
      0: '推荐阶段未启用，不能设置各层截止时间',
    });
  });

  it('puts the message on the deadline input of the setup form', () => {
    const setup: TCampaignSetup = { ...defaultCampaignSetup({ now: at('2026-11-22T10:15'), ownerOrgId: 'org-1' }), title: '活动' };
    setup.quotas.recommendingDepths = [1, 2];
    setup.quotas.levelDeadlines = [{ depth: 2, endsAt: '2030-01-01T00:00' }];
    const result = ZCampaignSetup.safeParse(setup);
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ 'quotas.levelDeadlines.0.endsAt': expect.stringMatching(/^截止时间须在推荐阶段之内/) });
  });

  it('treats deadlines as their own settings group, apart from the quotas that lock when recommendation starts', () => {
    const before: TCampaignSetup = { ...defaultCampaignSetup({ now: at('2026-11-22T10:15'), ownerOrgId: 'org-1' }), title: '活动' };
    const after = structuredClone(before);
    after.quotas.levelDeadlines = [{ depth: 1, endsAt: '2027-01-01T00:00' }];
    expect(changedGroups(before, after)).toEqual(['levelDeadlines']);
  });
});

describe('level deadlines of a running campaign', () => {
  const now = at('2026-09-12T09:00');
  const stored = [
    { depth: 2, endsAt: at('2026-09-10T17:00') },
    { depth: 1, endsAt: at('2026-09-15T17:00') },
  ];
  const refusal = (submitted: { depth: number; endsAt: string }[]) => {
    try {
      checkLevelDeadlineChanges(stored, submitted, now);
      return null;
    } catch (error) {
      return error instanceof AppError ? { code: error.code, message: error.message } : error;
    }
  };

  it('lets an open level’s deadline move later, but never into the past', () => {
    expect(refusal([{ depth: 2, endsAt: '2026-09-10T17:00' }, { depth: 1, endsAt: '2026-09-18T17:00' }])).toBeNull();
    expect(refusal([{ depth: 2, endsAt: '2026-09-10T17:00' }, { depth: 1, endsAt: '2026-09-12T08:00' }])).toEqual({
      code: 'INVALID_INPUT',
      message: '截止时间不能早于当前时间',
    });
  });

  it('keeps a passed deadline: it may be neither moved nor removed', () => {
    const locked = { code: 'STAGE_LOCKED', message: '第 2 层的推荐已于 2026年9月10日 17:00 截止，截止时间不能再修改' };
    expect(refusal([{ depth: 2, endsAt: '2026-09-14T17:00' }, { depth: 1, endsAt: '2026-09-15T17:00' }])).toEqual(locked);
    expect(refusal([{ depth: 1, endsAt: '2026-09-15T17:00' }])).toEqual(locked);
  });
});
