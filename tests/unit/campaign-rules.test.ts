import { describe, expect, it } from 'vitest';
import { effectiveQuota, isRecommendingDepth } from '@/lib/campaign/quota';
import { DEFAULT_QUOTA, RUBRIC_TEMPLATES, rubricTotal } from '@/lib/campaign/templates';

describe('rubric totals', () => {
  it('sums the 四有一好 template to 100 points in five criteria of 20', () => {
    const criteria = RUBRIC_TEMPLATES.FOUR_HAVE_ONE_GOOD.criteria;
    expect(criteria).toHaveLength(5);
    expect(criteria.every((criterion) => criterion.maxPoints === 20)).toBe(true);
    expect(rubricTotal(criteria)).toBe(100);
  });

  it('sums an edited rubric', () => {
    expect(rubricTotal([{ maxPoints: 30 }, { maxPoints: 25 }, { maxPoints: 15 }])).toBe(70);
    expect(rubricTotal([])).toBe(0);
  });
});

describe('quota defaults', () => {
  it('defaults to 5, the seed text’s 推荐名额不超过5个', () => {
    expect(DEFAULT_QUOTA).toBe(5);
  });

  it('uses the organization’s own quota row, else the campaign default', () => {
    const quotas = [{ organizationId: 'a', limit: 8 }, { organizationId: 'b', limit: 0 }];
    expect(effectiveQuota({ defaultQuota: 5 }, 'a', quotas)).toBe(8);
    expect(effectiveQuota({ defaultQuota: 5 }, 'b', quotas)).toBe(0);
    expect(effectiveQuota({ defaultQuota: 5 }, 'c', quotas)).toBe(5);
  });

  it('lets every level recommend when no depths are configured', () => {
    expect(isRecommendingDepth([], 3)).toBe(true);
    expect(isRecommendingDepth([1, 2], 2)).toBe(true);
    expect(isRecommendingDepth([1, 2], 3)).toBe(false);
  });
});
