import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '@/lib/application/version-diff';

describe('differences between versions', () => {
  it('lists changed texts and self-assessments with their Chinese labels', () => {
    const criteria = [{ id: 'c1', name: '有组织' }];
    const first = { brandName: '红心', practices: '旧做法', fieldName: '社区', selfAssessment: { c1: '一般' }, criteria };
    const second = { brandName: '红心', practices: '新做法', fieldName: '社区', selfAssessment: { c1: '很好' }, criteria };
    expect(diffSnapshots(first, second)).toEqual([
      { label: '主要做法与成效', before: '旧做法', after: '新做法' },
      { label: '自评：有组织', before: '一般', after: '很好' },
    ]);
  });
  it('finds nothing between equal snapshots', () => {
    expect(diffSnapshots({ brandName: 'a' }, { brandName: 'a' })).toEqual([]);
  });
});
