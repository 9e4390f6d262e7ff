import { describe, expect, it } from 'vitest';
import { operationRefusal, OPERATIONS, type TCampaignOperation, type TLifecycle } from '@/lib/campaign/lifecycle';
import { setupStepsOf, ZCampaignSetup } from '@/lib/campaign/schema';
import { defaultCampaignSetup, switchProgram } from '@/lib/campaign/setup-values';
import { CAMPAIGN_ADMIN_LINKS, PROGRAM_OPTIONAL_STAGES, PROGRAM_STAGES, programHasStage, STAGE_ORDER } from '@/lib/campaign/templates';

const now = new Date('2026-09-15T04:00:00Z');
const DAY = 86_400_000;

describe('program stage lists', () => {
  it('选树评选 is the nine selection stages then 培育创建, 验收认定, 宣传推广; 创建认定 has no recommendation, vote, review, meeting or 公示', () => {
    expect(PROGRAM_STAGES.SELECTION).toEqual([
      'DECLARATION',
      'RECOMMENDATION',
      'QUALIFICATION',
      'VOTING',
      'EXPERT_REVIEW',
      'ONSITE_CHECK',
      'DELIBERATION',
      'PUBLICITY',
      'ANNOUNCEMENT',
      'CULTIVATION',
      'ACCEPTANCE',
      'PROMOTION',
    ]);
    expect(PROGRAM_STAGES.CREATION).toEqual(['DECLARATION', 'QUALIFICATION', 'CULTIVATION', 'ACCEPTANCE', 'PROMOTION']);
    // Each program follows the one global order.
    for (const stages of Object.values(PROGRAM_STAGES)) {
      expect([...stages].sort((a, b) => STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b))).toEqual([...stages]);
    }
    for (const [program, optional] of Object.entries(PROGRAM_OPTIONAL_STAGES)) {
      for (const kind of optional) expect(programHasStage(program as 'SELECTION' | 'CREATION', kind)).toBe(true);
    }
  });

  it('a new 选树 campaign has 培育创建 and what follows switched off; a new 创建认定 campaign has all its stages on, no awards, the 五词 rubric', () => {
    const selection = defaultCampaignSetup({ now, ownerOrgId: 'org' });
    expect(selection.stages.filter((stage) => !stage.isEnabled).map((stage) => stage.kind)).toEqual(['CULTIVATION', 'ACCEPTANCE', 'PROMOTION']);
    const creation = defaultCampaignSetup({ now, ownerOrgId: 'org', program: 'CREATION' });
    expect(creation.stages.map((stage) => stage.kind)).toEqual([...PROGRAM_STAGES.CREATION]);
    expect(creation.stages.every((stage) => stage.isEnabled)).toBe(true);
    expect(creation.awards).toEqual([]);
    expect(creation.rubric.template).toBe('FIVE_WORDS');
    expect(ZCampaignSetup.safeParse({ ...creation, title: '县直机关第二批党建品牌创建' }).success).toBe(true);
    expect(switchProgram({ ...creation, title: 'x' }, 'SELECTION').stages.map((stage) => stage.kind)).toEqual([...PROGRAM_STAGES.SELECTION]);
  });

  it('refuses a stage list that does not match the template, a backbone stage switched off, and an empty award list for 选树', () => {
    const creation = { ...defaultCampaignSetup({ now, ownerOrgId: 'org', program: 'CREATION' }), title: '创建认定' };
    const withVote = { ...creation, stages: defaultCampaignSetup({ now, ownerOrgId: 'org' }).stages };
    expect(ZCampaignSetup.safeParse(withVote).error?.issues[0]?.message).toBe('阶段设置与活动模板不符，请刷新页面后重试');
    const offCultivation = { ...creation, stages: creation.stages.map((stage) => (stage.kind === 'CULTIVATION' ? { ...stage, isEnabled: false } : stage)) };
    expect(ZCampaignSetup.safeParse(offCultivation).error?.issues.map((issue) => issue.message)).toContain('培育创建阶段不能关闭');
    const selection = { ...defaultCampaignSetup({ now, ownerOrgId: 'org' }), title: '选树', awards: [] };
    expect(ZCampaignSetup.safeParse(selection).error?.issues.map((issue) => issue.message)).toContain('至少设置一个奖项');
  });

  it('the 创建认定 wizard hides recommendation, review, awards and vote and shows 培育与验收; 选树 shows it once 培育创建 is on', () => {
    expect(setupStepsOf('CREATION', true)).toEqual(['basics', 'stages', 'fieldsAwards', 'cultivation']);
    expect(setupStepsOf('SELECTION', false)).toEqual(['basics', 'stages', 'fieldsAwards', 'rubric', 'quotas', 'voting']);
    expect(setupStepsOf('SELECTION', true).at(-1)).toBe('cultivation');
    expect(CAMPAIGN_ADMIN_LINKS.filter((link) => programHasStage('CREATION', link.stage)).map((link) => link.path)).toEqual(['qualification', 'brand-list']);
  });
});

describe('the state machine knows the program', () => {
  const creation = (): TLifecycle => ({
    status: 'PUBLISHED',
    program: 'CREATION',
    now,
    // Every stage of every kind "open": only the program can refuse.
    stages: STAGE_ORDER.map((kind) => ({ kind, isEnabled: true, startsAt: new Date(now.getTime() - DAY), endsAt: new Date(now.getTime() + DAY) })),
  });

  it('refuses every operation of a stage 创建认定 omits, whatever the dates, and allows the same for 选树', () => {
    const omitted = (Object.keys(OPERATIONS) as TCampaignOperation[]).filter((operation) => {
      const belongsTo = (OPERATIONS[operation] as { belongsTo?: string }).belongsTo;
      return belongsTo && !PROGRAM_STAGES.CREATION.includes(belongsTo as never);
    });
    expect(omitted).toEqual(expect.arrayContaining(['recommend', 'cast-vote', 'score', 'deliberate', 'publish-publicity', 'raise-objection', 'publish-announcement']));
    for (const operation of omitted) {
      expect(operationRefusal(operation, creation())?.message, operation).toMatch(/^创建认定活动没有.+环节，不能/);
      expect(operationRefusal(operation, { ...creation(), program: 'SELECTION' })?.message ?? '', operation).not.toContain('创建认定');
    }
    expect(operationRefusal('qualify', creation())).toBeNull();
    expect(operationRefusal('publish-brand-list', creation())).toBeNull();
    expect(operationRefusal('declare', creation())).toBeNull();
  });
});
