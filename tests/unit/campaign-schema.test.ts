import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/http/errors';
import { ZCampaignSetup, ZStagesStep, type TCampaignSetup } from '@/lib/campaign/schema';
import { campaignToSetup, changedGroups, defaultCampaignSetup } from '@/lib/campaign/setup-values';
import { STAGE_ORDER } from '@/lib/campaign/templates';

const now = new Date('2026-11-22T10:15:00+08:00');

function validSetup(): TCampaignSetup {
  return { ...defaultCampaignSetup({ now, ownerOrgId: 'org-1' }), title: '2027年度党建品牌选树' };
}

function errorsOf(setup: unknown): Record<string, string> {
  const result = ZCampaignSetup.safeParse(setup);
  return result.success ? {} : fieldErrorsOf(result.error);
}

const stageIndex = (kind: (typeof STAGE_ORDER)[number]) => STAGE_ORDER.indexOf(kind);

describe('campaign setup defaults', () => {
  it('proposes a valid setup: 四有一好 at 20 points each, quota 5, stages from the next midnight in Asia/Shanghai', () => {
    const setup = validSetup();
    expect(errorsOf(setup)).toEqual({});
    expect(setup.rubric.criteria.map((criterion) => criterion.maxPoints)).toEqual([20, 20, 20, 20, 20]);
    expect(setup.quotas.defaultQuota).toBe(5);
    expect(setup.stages[0]).toMatchObject({ kind: 'DECLARATION', startsAt: '2026-11-23T00:00', endsAt: '2026-12-23T00:00' });
    expect(setup.stages[1].startsAt).toBe(setup.stages[0].endsAt);
    expect(setup.awards.filter((award) => award.kind === 'BEST_IN_FIELD')).toHaveLength(setup.fields.length);
  });

  it('requires a title of at most 60 characters', () => {
    expect(errorsOf({ ...validSetup(), title: '  ' })).toEqual({ title: '请填写活动名称' });
    expect(errorsOf({ ...validSetup(), title: '党'.repeat(61) })).toEqual({ title: '活动名称不能超过 60 个字' });
  });
});

describe('stage order', () => {
  it('attaches an out-of-order start to that stage’s start field', () => {
    const setup = validSetup();
    setup.stages[stageIndex('RECOMMENDATION')].startsAt = '2026-12-01T00:00';
    expect(errorsOf(setup)).toEqual({ [`stages.${stageIndex('RECOMMENDATION')}.startsAt`]: '逐级推荐阶段不能早于申报阶段结束' });
  });

  it('attaches an end before the start to the end field, also in the step schema', () => {
    const setup = validSetup();
    setup.stages[0].endsAt = '2026-11-22T00:00';
    const result = ZStagesStep.safeParse({ stages: setup.stages });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ 'stages.0.endsAt': '申报阶段的结束时间必须晚于开始时间' });
  });

  it('lets only optional stages be switched off, and ignores the dates of those switched off', () => {
    const setup = validSetup();
    setup.stages[stageIndex('QUALIFICATION')].isEnabled = false;
    const voting = setup.stages[stageIndex('VOTING')];
    Object.assign(voting, { isEnabled: false, startsAt: '2026-01-01T00:00', endsAt: '2026-01-02T00:00' });
    setup.weights = { expertWeight: 100, voteWeight: 0 };
    expect(errorsOf(setup)).toEqual({ [`stages.${stageIndex('QUALIFICATION')}.isEnabled`]: '资格审查阶段不能关闭' });
  });

  it('asks for a time when one is missing', () => {
    const setup = validSetup();
    setup.stages[2].startsAt = '';
    expect(errorsOf(setup)).toMatchObject({ 'stages.2.startsAt': '请选择开始时间' });
  });
});

describe('fields, awards and rubric', () => {
  it('refuses duplicate field names on the repeated row', () => {
    const setup = validSetup();
    setup.fields[3].name = ` ${setup.fields[0].name} `;
    expect(errorsOf(setup)).toMatchObject({ 'fields.3.name': '领域名称不能重复' });
  });

  it('needs at least one field, mapped to at least one org field', () => {
    const setup = validSetup();
    setup.fields[0].orgFields = [];
    expect(errorsOf(setup)).toEqual({ 'fields.0.orgFields': '请至少对应一个组织领域' });
    expect(errorsOf({ ...validSetup(), fields: [], awards: [{ kind: 'TOP_TEN', name: '十大党建品牌', count: 10, fieldName: null }] })).toEqual({
      fields: '至少设置一个领域',
    });
  });

  it('refuses an empty rubric and criteria outside 1..100 points', () => {
    expect(errorsOf({ ...validSetup(), rubric: { template: 'CUSTOM', criteria: [] } })).toEqual({ 'rubric.criteria': '至少需要一条评分标准' });
    const setup = validSetup();
    setup.rubric.criteria[1].maxPoints = 0;
    expect(errorsOf(setup)).toEqual({ 'rubric.criteria.1.maxPoints': '满分不能小于 1' });
  });

  it('requires a per-field award to name one of the campaign’s fields', () => {
    const setup = validSetup();
    const index = setup.awards.findIndex((award) => award.kind === 'BEST_IN_FIELD');
    setup.awards[index].fieldName = '不存在的领域';
    expect(errorsOf(setup)).toEqual({ [`awards.${index}.fieldName`]: '请选择本活动已设置的领域' });
    setup.awards[index].fieldName = null;
    expect(errorsOf(setup)).toEqual({ [`awards.${index}.fieldName`]: '领域奖项请选择对应的领域' });
  });
});

describe('quotas, voting and weights', () => {
  it('refuses weights not summing to 100', () => {
    expect(errorsOf({ ...validSetup(), weights: { expertWeight: 60, voteWeight: 30 } })).toEqual({ 'weights.voteWeight': '两项权重之和必须为 100（当前为 90）' });
  });

  it('wants the vote weight at 0 when the voting stage is off', () => {
    const setup = validSetup();
    setup.stages[stageIndex('VOTING')].isEnabled = false;
    expect(errorsOf(setup)).toEqual({ 'weights.voteWeight': '未启用网络投票阶段，网络投票权重应为 0' });
  });

  it('refuses a quota out of 0..50 and the same organization twice', () => {
    const setup = validSetup();
    setup.quotas.defaultQuota = 51;
    setup.quotas.overrides = [{ organizationId: 'a', limit: 3 }, { organizationId: 'a', limit: 4 }];
    expect(errorsOf(setup)).toEqual({ 'quotas.defaultQuota': '默认推荐名额不能大于 50', 'quotas.overrides.1.organizationId': '该组织已单独设置过名额' });
  });

  it('keeps per-brand votes within the daily votes', () => {
    const setup = validSetup();
    setup.voting.votesPerEntryPerDay = 6;
    expect(errorsOf(setup)).toEqual({ 'voting.votesPerEntryPerDay': '对同一品牌的票数不能超过每人每天可投票数' });
  });
});

describe('changed settings groups', () => {
  it('names only the groups whose values differ, whatever order quota rows come in', () => {
    const before = validSetup();
    before.quotas.overrides = [{ organizationId: 'a', limit: 1 }, { organizationId: 'b', limit: 2 }];
    const after = structuredClone(before);
    after.quotas.overrides.reverse();
    expect(changedGroups(before, after)).toEqual([]);
    after.rubric.criteria[0].guidance = '新的说明';
    after.voting.allowVoteForOwnOrg = true;
    after.title = '新标题';
    expect(changedGroups(before, after).sort()).toEqual(['basics', 'rubric', 'voting']);
  });

  it('reads a stored campaign back into the same shape', () => {
    const setup = validSetup();
    const row = {
      ...setup,
      ...setup.voting,
      ...setup.weights,
      ...setup.review,
      defaultQuota: setup.quotas.defaultQuota,
      recommendingDepths: [],
      quotas: [],
      recommendationDeadlines: [],
      ledgerDueDay: setup.cultivation.ledgerDueDay,
      reminderSms: setup.cultivation.reminderSms,
      cultivationEndsOn: null,
      acceptanceRequestDeadline: null,
      acceptanceCompleteBy: null,
      stages: setup.stages.map((stage) => ({ ...stage, startsAt: new Date(`${stage.startsAt}:00+08:00`), endsAt: new Date(`${stage.endsAt}:00+08:00`) })),
      fields: setup.fields.map((field, sortOrder) => ({ ...field, sortOrder })),
      rubric: { template: setup.rubric.template, criteria: setup.rubric.criteria.map((criterion, sortOrder) => ({ ...criterion, sortOrder })) },
      awards: setup.awards.map((award, sortOrder) => ({ ...award, sortOrder, field: award.fieldName ? { name: award.fieldName } : null })),
    };
    expect(campaignToSetup(row)).toEqual(setup);
  });
});
