import { describe, expect, it } from 'vitest';
import { groupEntries } from '@/lib/brand-list/groups';
import { allChecked, checklistOf, DEFAULT_QUALIFICATION_CHECKLIST, normalizeChecks } from '@/lib/qualification/checklist';
import { isAtQualification, regionIdOf } from '@/lib/qualification/pool';

describe('the 资格审查 checklist', () => {
  it('falls back to the default list when the campaign names none', () => {
    expect(checklistOf({ id: 'c' })).toBe(DEFAULT_QUALIFICATION_CHECKLIST);
    expect(checklistOf({ id: 'c', qualificationChecklist: [' ', ''] })).toBe(DEFAULT_QUALIFICATION_CHECKLIST);
    expect(checklistOf({ id: 'c', qualificationChecklist: ['材料齐全', '无违纪'] })).toEqual(['材料齐全', '无违纪']);
  });

  it('keeps exactly the checklist items and needs every one ticked to pass', () => {
    const checklist = ['甲', '乙'];
    expect(normalizeChecks(checklist, { 甲: true, 丙: true })).toEqual({ 甲: true, 乙: false });
    expect(allChecked(checklist, { 甲: true, 乙: false })).toBe(false);
    expect(allChecked(checklist, { 甲: true, 乙: true, 丙: false })).toBe(true);
  });
});

describe('where an entry stands', () => {
  const campaign = { id: 'c', ownerOrgId: 'city', program: 'SELECTION' as const, recommendingDepths: [1, 2] };
  const path = '/city/district/committee/branch/';
  const recommended = (organizationId: string) => ({ organizationId, decision: 'RECOMMENDED' as const });

  it('reaches 资格审查 only once every recommending level has recommended it', () => {
    expect(isAtQualification(campaign, { organization: { path }, recommendations: [] })).toBe(false);
    expect(isAtQualification(campaign, { organization: { path }, recommendations: [recommended('committee')] })).toBe(false);
    expect(isAtQualification(campaign, { organization: { path }, recommendations: [recommended('committee'), { organizationId: 'district', decision: 'NOT_RECOMMENDED' }] })).toBe(false);
    expect(isAtQualification(campaign, { organization: { path }, recommendations: [recommended('committee'), recommended('district')] })).toBe(true);
  });

  it('goes straight to 资格审查 with no level in between, but never from outside the owner’s tree', () => {
    expect(isAtQualification(campaign, { organization: { path: '/city/branch/' }, recommendations: [] })).toBe(true);
    expect(isAtQualification(campaign, { organization: { path: '/elsewhere/branch/' }, recommendations: [] })).toBe(false);
  });

  it('goes straight to 资格把关 in a 创建认定 campaign: no 逐级推荐', () => {
    const creation = { ...campaign, program: 'CREATION' as const };
    expect(isAtQualification(creation, { organization: { path }, recommendations: [] })).toBe(true);
    expect(isAtQualification(creation, { organization: { path: '/elsewhere/branch/' }, recommendations: [] })).toBe(false);
  });

  it('takes the region from one level below the owner, or the organization itself', () => {
    expect(regionIdOf(path, 'city')).toBe('district');
    expect(regionIdOf(path, 'district')).toBe('committee');
    expect(regionIdOf('/city/branch/', 'city')).toBe('branch');
    expect(regionIdOf(path, 'elsewhere')).toBeUndefined();
  });
});

describe('grouping a published list', () => {
  it('groups in order of first appearance and keeps the entry order inside each group', () => {
    const entry = (applicationId: string, fieldName: string, regionName: string) => ({ applicationId, brandName: applicationId, organizationName: '', fieldName, regionName });
    const entries = [entry('a', '农村', '东城'), entry('b', '农村', '西城'), entry('c', '机关', '东城')];
    expect(groupEntries(entries, 'fieldName').map((group) => [group.name, group.entries.map((item) => item.applicationId)])).toEqual([['农村', ['a', 'b']], ['机关', ['c']]]);
    expect(groupEntries(entries, 'regionName').map((group) => [group.name, group.entries.map((item) => item.applicationId)])).toEqual([['东城', ['a', 'c']], ['西城', ['b']]]);
  });
});
