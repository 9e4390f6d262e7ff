import { describe, expect, it } from 'vitest';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { operationRefusal, type TLifecycle } from '@/lib/campaign/lifecycle';
import type { TStageStatus } from '@/lib/campaign/stages';
import { deadlineRefusal, recognitionNo, requestRefusal, stepRefusal } from '@/lib/acceptance/rules';
import { RECOGNITION_NO_PATTERN } from '@/lib/honors/verify';
import { parseInline, parseReport, reportLines } from '@/lib/acceptance/report-markup';

const DAY = 86_400_000;
const now = new Date('2026-10-20T04:00:00Z');

function life(acceptance: TStageStatus, status: TLifecycle['status'] = 'PUBLISHED'): TLifecycle {
  const window = acceptance === 'open' ? [-1, 1] : acceptance === 'closed' ? [-3, -2] : [2, 3];
  const stages = [{ kind: 'CULTIVATION' as StageKind, isEnabled: true, startsAt: new Date(now.getTime() - 90 * DAY), endsAt: new Date(now.getTime() - 5 * DAY) }];
  if (acceptance !== 'disabled') stages.push({ kind: 'ACCEPTANCE', isEnabled: true, startsAt: new Date(now.getTime() + window[0]! * DAY), endsAt: new Date(now.getTime() + window[1]! * DAY) });
  return { status, program: 'CREATION', now, stages };
}

describe('OPERATIONS rows of 验收认定 (ACCEPTANCE stage)', () => {
  it.each([
    ['request-acceptance', 'open', null],
    ['request-acceptance', 'upcoming', '验收认定阶段尚未开始，暂不能申请验收'],
    ['request-acceptance', 'closed', '验收认定阶段已结束，不能再申请验收'],
    ['request-acceptance', 'disabled', '本活动未安排验收认定阶段'],
    ['review-acceptance', 'open', null],
    ['review-acceptance', 'closed', null],
    // A request taken during 培育创建 is reviewed as it comes, whatever the 验收认定 stage's dates.
    ['review-acceptance', 'upcoming', null],
  ] as const)('%s with ACCEPTANCE %s → %s', (operation, state, expected) => {
    expect(operationRefusal(operation, life(state))?.message ?? null).toBe(expected);
  });

  it('takes a request when the brand is ready, already during 培育创建 (成熟一个、验收一个)', () => {
    const cultivating = life('upcoming');
    const stages = [{ ...cultivating.stages[0]!, endsAt: new Date(now.getTime() + 30 * DAY) }, cultivating.stages[1]!];
    expect(operationRefusal('request-acceptance', { ...cultivating, stages })).toBeNull();
    expect(operationRefusal('review-acceptance', { ...cultivating, stages })).toBeNull();
    // Before 培育创建 starts there is nothing to accept.
    const early = stages.map((stage) => ({ ...stage, startsAt: new Date(now.getTime() + 1 * DAY) }));
    expect(operationRefusal('request-acceptance', { ...cultivating, stages: early })?.message).toBe('验收认定阶段尚未开始，暂不能申请验收');
    expect(operationRefusal('review-acceptance', { ...cultivating, stages: early })?.message).toBe('验收认定阶段尚未开始，暂不能组织验收');
  });

  it('refuses both once the campaign is finished or cancelled', () => {
    expect(operationRefusal('request-acceptance', life('open', 'FINISHED'))?.message).toBe('活动已结束，不能申请验收');
    expect(operationRefusal('review-acceptance', life('open', 'CANCELLED'))?.message).toBe('活动已撤销，不能组织验收');
  });
});

describe('acceptance state machine (pure)', () => {
  it('lets only a cultivating brand request', () => {
    expect(requestRefusal('CULTIVATING')).toBeNull();
    expect(requestRefusal('ACCEPTANCE')).toBe('该品牌已有验收申请正在办理，办结后才能再次申请');
    expect(requestRefusal('RECOGNISED')).toBe('该品牌已通过验收认定，无需再申请');
    expect(requestRefusal('ENDED')).toBe('该品牌的培育创建已结束，不能申请验收');
  });

  it('forms a group on a waiting request only, scores and decides a reviewed one only', () => {
    expect(stepRefusal('group', 'WAITING')).toBeNull();
    expect(stepRefusal('group', 'REVIEWING')).toBe('该验收申请验收组已组成，不能组成验收组');
    expect(stepRefusal('score', 'WAITING')).toBe('该验收申请尚未组成验收组，不能验收评分');
    expect(stepRefusal('decide', 'REVIEWING')).toBeNull();
    expect(stepRefusal('decide', 'PASSED')).toBe('该验收申请已验收通过，不能作出验收结论');
  });

  it('keeps the 申请截止 day open until midnight in Asia/Shanghai', () => {
    const deadline = new Date('2026-10-25T00:00:00Z');
    expect(deadlineRefusal(deadline, new Date('2026-10-25T15:59:59Z'))).toBeNull();
    expect(deadlineRefusal(deadline, new Date('2026-10-25T16:00:00Z'))).toBe('验收申请已于 2026年10月25日 截止，不能再申请验收');
    expect(deadlineRefusal(null, now)).toBeNull();
  });

  it('numbers recognitions DJRD-<year>-<six digits>', () => {
    expect(recognitionNo(2026, 7)).toBe('DJRD-2026-000007');
    expect(RECOGNITION_NO_PATTERN.test(recognitionNo(2026, 1234567))).toBe(true);
  });
});

describe('成果报告 markup', () => {
  it('parses paragraphs, lists and bold, and leaves HTML as text', () => {
    expect(parseReport('第一段**重点**内容\n接着\n\n- 甲\n- **乙**\n1. 一\n2、二\n\n<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', lines: [[{ text: '第一段', bold: false }, { text: '重点', bold: true }, { text: '内容', bold: false }], [{ text: '接着', bold: false }]] },
      { kind: 'bullets', items: [[{ text: '甲', bold: false }], [{ text: '乙', bold: true }]] },
      { kind: 'numbers', items: [[{ text: '一', bold: false }], [{ text: '二', bold: false }]] },
      { kind: 'paragraph', lines: [[{ text: '<script>alert(1)</script>', bold: false }]] },
    ]);
    expect(parseInline('未闭合**粗体')).toEqual([{ text: '未闭合**粗体', bold: false }]);
    expect(reportLines('- 甲\n- 乙\n\n段落')).toEqual(['· 甲', '· 乙', '段落']);
  });
});
