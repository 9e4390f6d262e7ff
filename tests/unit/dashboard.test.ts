import { describe, expect, it } from 'vitest';
import { completionBucket } from '@/lib/dashboard/checklists';
import { districtOf } from '@/lib/dashboard/funnel';
import { dashboardLinks } from '@/lib/dashboard/links';
import { shanghaiHour } from '@/lib/dashboard/votes';

describe('staff dashboard rules', () => {
  it('puts an organization under the root child on its path, or the root itself', () => {
    expect(districtOf('/city/east/k1/b1/', 'city')).toBe('east');
    expect(districtOf('/province/city/east/', 'city')).toBe('east');
    expect(districtOf('/city/', 'city')).toBe('city');
  });

  it('buckets checklist completion', () => {
    expect([completionBucket(0, 10), completionBucket(1, 10), completionBucket(5, 10), completionBucket(8, 10), completionBucket(10, 10), completionBucket(3, 0)]).toEqual([
      '0',
      '1-49',
      '50-79',
      '80-99',
      '100',
      '0',
    ]);
  });

  it('names the Shanghai hour of a moment', () => {
    expect(shanghaiHour(new Date('2026-11-02T17:30:00Z'))).toBe('2026-11-03 01:00');
  });

  it("gives a committee no link into the organizer's campaign pages", () => {
    const organizer = dashboardLinks('c1', 'organizer');
    const committee = dashboardLinks('c1', 'committee');
    expect(organizer.applications({ stage: 'listed', within: 'd1' })).toBe('/applications?campaign=c1&stage=listed&within=d1');
    expect(organizer.applications({ stage: 'declared' })).toBe('/applications?campaign=c1');
    expect(organizer.objections('RECEIVED')).toBe('/admin/campaigns/c1/objections?status=RECEIVED');
    expect(organizer.acceptance('WAITING')).toBe('/admin/acceptance?campaign=c1&status=WAITING');
    expect([committee.review, committee.votes, committee.flags, committee.objections('RECEIVED'), committee.acceptance('WAITING')]).toEqual([null, null, null, null, null]);
    expect(committee.ledger('k1')).toBe('/cultivation/grid?campaign=c1&org=k1');
  });
});
