import { describe, expect, it } from 'vitest';
import { entryPosition, isDecisionOpen, recommendingChain } from '@/lib/campaign/recommendation-chain';
import { describeProgress } from '@/lib/application/recommendation-progress';

// city (depth 0, the owner) → district (1) → committee (2) → branch (3)
const branch = '/city/district/committee/branch/';

describe('recommendingChain', () => {
  it('lists every level between the applicant and the owner, nearest first', () => {
    expect(recommendingChain(branch, 'city', [])).toEqual(['committee', 'district']);
  });
  it('keeps only the depths the campaign names', () => {
    expect(recommendingChain(branch, 'city', [2])).toEqual(['committee']);
    expect(recommendingChain(branch, 'city', [1])).toEqual(['district']);
  });
  it('starts below a district owner, and is empty right under the owner or outside its tree', () => {
    expect(recommendingChain(branch, 'district', [])).toEqual(['committee']);
    expect(recommendingChain(branch, 'committee', [])).toEqual([]);
    expect(recommendingChain(branch, 'elsewhere', [])).toEqual([]);
  });
});

describe('entryPosition', () => {
  const chain = ['committee', 'district'];
  it('waits at the first level that has not decided', () => {
    expect(entryPosition(chain, new Map())).toEqual({ kind: 'AT_LEVEL', organizationId: 'committee', levelIndex: 0 });
    expect(entryPosition(chain, new Map([['committee', 'RECOMMENDED']]))).toEqual({ kind: 'AT_LEVEL', organizationId: 'district', levelIndex: 1 });
  });
  it('stops where a level did not recommend, and reaches qualification when all did', () => {
    expect(entryPosition(chain, new Map([['committee', 'NOT_RECOMMENDED']]))).toEqual({ kind: 'STOPPED', organizationId: 'committee', levelIndex: 0 });
    expect(entryPosition(chain, new Map([['committee', 'RECOMMENDED'], ['district', 'RECOMMENDED']]))).toEqual({ kind: 'QUALIFICATION' });
    expect(entryPosition([], new Map())).toEqual({ kind: 'QUALIFICATION' });
  });
});

describe('isDecisionOpen', () => {
  const chain = ['committee', 'district'];
  it('lets a level change its mind until the next level acts, and the top level until qualification', () => {
    expect(isDecisionOpen(chain, new Map([['committee', 'RECOMMENDED']]), 0, false)).toBe(true);
    expect(isDecisionOpen(chain, new Map([['committee', 'RECOMMENDED'], ['district', 'RECOMMENDED']]), 0, false)).toBe(false);
    expect(isDecisionOpen(chain, new Map([['committee', 'RECOMMENDED'], ['district', 'RECOMMENDED']]), 1, false)).toBe(true);
    expect(isDecisionOpen(chain, new Map([['committee', 'RECOMMENDED'], ['district', 'RECOMMENDED']]), 1, true)).toBe(false);
  });
});

describe('describeProgress', () => {
  const base = {
    status: 'SUBMITTED',
    organization: { path: branch },
    campaign: { ownerOrgId: 'city', recommendingDepths: [] as number[] },
    qualification: null,
  };
  const names = new Map([['committee', '东华街道党工委'], ['district', '东城区委']]);
  const row = (organizationId: string, decision: 'RECOMMENDED' | 'NOT_RECOMMENDED', reason: string | null = null) => ({ organizationId, decision, reason, organization: { name: names.get(organizationId)! } });

  it('names the level that holds the entry, and who already recommended it', () => {
    expect(describeProgress({ ...base, recommendations: [] }, names)).toEqual({ text: '东华街道党工委审核推荐中', tone: 'info' });
    expect(describeProgress({ ...base, recommendations: [row('committee', 'RECOMMENDED')] }, names)?.text).toBe('已获东华街道党工委推荐，东城区委审核推荐中');
  });
  it('gives the reason where it stopped, and the qualification state at the top', () => {
    expect(describeProgress({ ...base, recommendations: [row('committee', 'NOT_RECOMMENDED', '名额有限')] }, names)).toEqual({ text: '东华街道党工委未推荐：名额有限', tone: 'warning' });
    const both = [row('committee', 'RECOMMENDED'), row('district', 'RECOMMENDED')];
    expect(describeProgress({ ...base, recommendations: both }, names)?.text).toBe('已获东华街道党工委、东城区委推荐，组织部资格审查中');
    expect(describeProgress({ ...base, recommendations: both, qualification: { result: 'PASSED' as const } }, names)?.tone).toBe('success');
    expect(describeProgress({ ...base, status: 'DRAFT', recommendations: [] }, names)).toBeNull();
  });
});
