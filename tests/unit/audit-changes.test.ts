import { describe, expect, it } from 'vitest';
import { collectRefs, describeChanges, type TAuditNames } from '@/lib/audit-log/changes';
import type { TRefKind } from '@/lib/audit-log/fields';

const ORG = 'cmorg00000000000000000001';
const APP = 'cmapp00000000000000000001';
const USER_A = 'cmusr00000000000000000001';
const USER_B = 'cmusr00000000000000000002';

const names: TAuditNames = {
  organization: new Map([[ORG, '东湖街道党工委']]),
  user: new Map([
    [USER_A, '张专家'],
    [USER_B, '李专家'],
  ]),
  campaign: new Map(),
  application: new Map([[APP, '“红心向党”']]),
  decision: new Map(),
  award: new Map(),
  file: new Map(),
  field: new Map(),
  site: new Map(),
  brand: new Map(),
};

describe('describeChanges', () => {
  it('opens nested settings key by key and keeps only what changed, with Chinese labels and formatted values', () => {
    const before = {
      basics: { title: '2026年度评选', year: 2026, batch: 1, description: '' },
      voting: { publicVotingEnabled: false, votesPerVoterPerDay: 3, resultsVisibility: 'HIDDEN' },
      stages: [{ kind: 'DECLARATION', isEnabled: true, startsAt: '2026-11-01T08:00', endsAt: '2026-11-20T18:00' }],
    };
    const after = {
      basics: { title: '2026年度评选', year: 2026, batch: 1, description: '第一批' },
      voting: { publicVotingEnabled: true, votesPerVoterPerDay: 3, resultsVisibility: 'LIVE' },
      stages: [{ kind: 'DECLARATION', isEnabled: true, startsAt: '2026-11-01T08:00', endsAt: '2026-11-25T18:00' }],
    };
    expect(describeChanges(before, after, names)).toEqual([
      { label: '基本信息 · 活动说明', before: '（空）', after: '第一批' },
      { label: '阶段时间', before: '申报 2026年11月1日 08:00 至 2026年11月20日 18:00', after: '申报 2026年11月1日 08:00 至 2026年11月25日 18:00' },
      { label: '网络投票 · 公众投票', before: '否', after: '是' },
      { label: '网络投票 · 票数显示', before: '隐藏', after: '实时显示' },
    ]);
  });

  it('names ids, lists and pairs; keeps an unchanged id as context; reads checklist keys as they are', () => {
    const changes = describeChanges(
      { organizationId: ORG, decision: 'PENDING' },
      { organizationId: ORG, decision: 'NOT_RECOMMENDED', reason: '材料不全', experts: [USER_A, USER_B, 'cmgone0000000000000000001'], checks: { 组织健全: true } },
      names,
    );
    expect(changes).toEqual([
      { label: '组织', before: null, after: '东湖街道党工委', isContext: true },
      { label: '理由', before: null, after: '材料不全' },
      { label: '推荐决定', before: '未决定', after: '不推荐' },
      { label: '审查项 · 组织健全', before: null, after: '是' },
      { label: '专家', before: null, after: '张专家、李专家、（已删除）' },
    ]);
    expect(describeChanges(null, { assignments: [[APP, USER_A]], voteIds: ['1', '2', '3'], size: 2048 }, names)).toEqual([
      { label: '大小', before: null, after: '2 KB' },
      { label: '分配', before: null, after: '“红心向党”：张专家' },
      { label: '投票', before: null, after: '3 张票' },
    ]);
  });

  it('collects every id of a page by the table it points at', () => {
    const refs = Object.fromEntries((['organization', 'user', 'campaign', 'application', 'decision', 'award', 'file', 'field'] as TRefKind[]).map((kind) => [kind, new Set<string>()])) as Record<TRefKind, Set<string>>;
    collectRefs([{ path: `/${ORG}/x/`, awards: [[APP, 'award-1']], roles: [{ role: 'MEMBER', organizationId: 'org-2' }], photoIds: ['f1'] }], refs);
    expect([...refs.organization].sort()).toEqual([ORG, 'org-2', 'x'].sort());
    expect([...refs.application]).toEqual([APP]);
    expect([...refs.award]).toEqual(['award-1']);
    expect([...refs.file]).toEqual(['f1']);
  });
});

describe('describeChanges of partial records', () => {
  it('shows what only `before` recorded as it was, and a whole record removed as removed', () => {
    expect(describeChanges({ status: 'DRAFT', values: { brandName: '红心向党' } }, { status: 'SUBMITTED', version: 2 }, names)).toEqual([
      { label: '状态', before: '草稿', after: '已提交' },
      { label: '申报内容 · 品牌名称', before: null, after: '红心向党', isContext: true },
      { label: '版本', before: null, after: '2' },
    ]);
    expect(describeChanges({ userId: USER_A, role: 'EXPERT' }, null, names)).toEqual([
      { label: '用户', before: '张专家', after: null },
      { label: '角色', before: '评审专家', after: null },
    ]);
  });
});
