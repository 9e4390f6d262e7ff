import { describe, expect, it } from 'vitest';
import { entryPosition, isDecisionOpen, recommendingChain } from '@/lib/recommendation/chain';

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
