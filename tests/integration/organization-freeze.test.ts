import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { cancelCampaign } from '@/lib/campaign/service';
import { moveOrganization, setOrganizationActive } from '@/lib/organization/service';
import { createTestCampaign } from '../support/campaigns';
import { rejection } from '../support/errors';
import { createOrg, createUser } from '../support/factories';
import { createRecommendationScope } from '../support/recommendations';

const context = (actorId: string) => ({ actorId, ip: '10.9.18.11' });

async function pathOf(id: string) {
  return (await db.organization.findUniqueOrThrow({ where: { id }, select: { path: true, isActive: true } }));
}

describe('organizations of a running campaign’s recommendation chain', () => {
  it('cannot be moved or disabled once 逐级推荐 has opened; the refusal names the campaign', async () => {
    const scope = await createRecommendationScope({ entries: 2 });
    const as = context(scope.cityAdmin.id);
    const before = await Promise.all([scope.committee.id, scope.district.id, scope.entries[0].branchId].map(pathOf));

    const move = await rejection(moveOrganization({ id: scope.committee.id, newParentId: scope.westDistrict.id }, as));
    expect(move.code).toBe('CONFLICT');
    expect(move.message).toBe(`“${scope.committee.name}”或其下级组织参加了评选活动“${scope.campaign.title}”，逐级推荐已经开始，活动结束或撤销前不能移动或停用参评的组织`);
    expect((await rejection(setOrganizationActive({ id: scope.district.id, isActive: false }, as))).code).toBe('CONFLICT');
    expect((await rejection(setOrganizationActive({ id: scope.entries[0].branchId, isActive: false }, as))).message).toContain(scope.campaign.title);
    expect(await Promise.all([scope.committee.id, scope.district.id, scope.entries[0].branchId].map(pathOf))).toEqual(before);
    expect(await db.auditLog.count({ where: { entityId: { in: [scope.committee.id, scope.district.id] }, action: { in: ['move-organization', 'disable-organization'] } } })).toBe(0);

    // Units without entries in the campaign may still change.
    await moveOrganization({ id: scope.westCommittee.id, newParentId: scope.district.id }, as);
    const empty = await createOrg({ parent: scope.committee });
    await setOrganizationActive({ id: empty.id, isActive: false }, as);
    expect(await pathOf(empty.id)).toMatchObject({ isActive: false });

    // Once the campaign is over (here: cancelled), the tree is free again.
    await cancelCampaign({ campaignId: scope.campaign.id, reason: '测试：活动撤销后调整组织' }, as);
    await moveOrganization({ id: scope.committee.id, newParentId: scope.westDistrict.id }, as);
    expect((await pathOf(scope.committee.id)).path.startsWith((await pathOf(scope.westDistrict.id)).path)).toBe(true);
  });

  it('may be moved before 逐级推荐 opens (entries then climb the tree as it is)', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() + interval '1 day', ends_at = now() + interval '2 days' WHERE campaign_id = ${scope.campaign.id} AND kind = 'RECOMMENDATION'`;
    await moveOrganization({ id: scope.committee.id, newParentId: scope.westDistrict.id }, context(scope.cityAdmin.id));
    expect((await pathOf(scope.committee.id)).path.startsWith((await pathOf(scope.westDistrict.id)).path)).toBe(true);
  });

  it('the organizer of a running campaign cannot be moved either, even without entries', async () => {
    const city = await createOrg({ levelLabel: '市委' });
    const district = await createOrg({ parent: city, levelLabel: '区委' });
    const other = await createOrg({ parent: city, levelLabel: '区委' });
    const admin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: city.id }] });
    const { campaign } = await createTestCampaign({ ownerOrgId: district.id, actorId: admin.id, publish: true });
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 day', ends_at = now() + interval '1 day' WHERE campaign_id = ${campaign.id} AND kind = 'RECOMMENDATION'`;
    await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' WHERE campaign_id = ${campaign.id} AND kind = 'DECLARATION'`;
    const refused = await rejection(moveOrganization({ id: district.id, newParentId: other.id }, context(admin.id)));
    expect(refused.message).toContain(`评选活动“${campaign.title}”`);
    expect((await pathOf(district.id)).path).toBe(district.path);
  });
});
