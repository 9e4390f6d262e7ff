import { describe, expect, it } from 'vitest';
import { isOwnUnit, isOwnUnitOfAny } from '@/lib/voting/own-unit';

// 市委 (organizer) → 区委 → 党工委 → 支部 → 党小组; a sibling 支部 and another 区委.
const city = '/city/';
const district = '/city/district/';
const committee = '/city/district/committee/';
const branch = '/city/district/committee/branch/';
const group = '/city/district/committee/branch/group/';
const sibling = '/city/district/committee/sibling/';
const west = '/city/west/';

describe('本单位 for the vote', () => {
  it('is the member’s unit, any unit below it, and any unit above it below the organizer', () => {
    expect(isOwnUnit(branch, branch, city)).toBe(true);
    expect(isOwnUnit(committee, branch, city)).toBe(true);
    // A 党小组 member and their own 支部, 党工委, 区委: the entry's unit is above the member's.
    expect(isOwnUnit(group, branch, city)).toBe(true);
    expect(isOwnUnit(group, committee, city)).toBe(true);
    expect(isOwnUnit(group, district, city)).toBe(true);
  });

  it('is not a sibling or another district, and never the organizer from above', () => {
    expect(isOwnUnit(group, sibling, city)).toBe(false);
    expect(isOwnUnit(west, branch, city)).toBe(false);
    expect(isOwnUnit(branch, west, city)).toBe(false);
    expect(isOwnUnit(group, city, city)).toBe(false);
    // A district-run campaign: the 区委 is the organizer, its 党工委 is the highest unit that can be "own".
    expect(isOwnUnit(group, district, district)).toBe(false);
    expect(isOwnUnit(group, committee, district)).toBe(true);
  });

  it('a member of the organizer itself has every entry below them', () => {
    expect(isOwnUnit(city, branch, city)).toBe(true);
  });

  it('a member with several MEMBER roles is held back by each', () => {
    expect(isOwnUnitOfAny([west, group], branch, city)).toBe(true);
    expect(isOwnUnitOfAny([west], branch, city)).toBe(false);
    expect(isOwnUnitOfAny([], branch, city)).toBe(false);
  });
});
