import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listPublicCampaignPages, loadPublicCampaign } from '@/lib/campaign/queries';
import { createCampaignScope, createTestCampaign } from '../support/campaigns';
import { createUser } from '../support/factories';
import { createAwardedScope, openPublicity } from '../support/publicity';
import { closeVoting, createVotingScope } from '../support/voting';

describe('the public campaign page', () => {
  it('shows a published campaign with its rules and stages, and nothing of a draft', async () => {
    const scope = await createCampaignScope();
    const admin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: scope.city.id }] });
    const { campaign: draft } = await createTestCampaign({ ownerOrgId: scope.city.id, actorId: admin.id, publish: false });
    const { campaign: published } = await createTestCampaign({ ownerOrgId: scope.city.id, actorId: admin.id, publish: true, changes: { description: '关于开展党建品牌选树活动的通知' } });

    expect(await loadPublicCampaign(draft.id)).toBeNull();
    expect(await loadPublicCampaign('no-such-campaign')).toBeNull();
    const page = await loadPublicCampaign(published.id);
    expect(page?.campaign.description).toBe('关于开展党建品牌选树活动的通知');
    expect(page?.campaign.rubric?.criteria.map((criterion) => criterion.name)[0]).toBe('有响亮的品牌名称和独特的品牌标识');
    expect(page?.campaign.awards.length).toBeGreaterThan(0);
    expect(page?.campaign.stages.length).toBe(9);
    expect(page?.campaign.hasBrandList).toBe(false);

    const paths = (await listPublicCampaignPages()).map((entry) => entry.path);
    expect(paths).toContain(`/campaigns/${published.id}`);
    expect(paths.some((path) => path.startsWith(`/campaigns/${draft.id}`))).toBe(false);
    expect(paths).not.toContain(`/campaigns/${published.id}/brands`);
  });

  it('lists in the sitemap the pages a campaign has reached: brand list, vote, 公示', async () => {
    const voting = await createVotingScope({ entries: 2, members: 0 });
    await closeVoting(voting.campaign.id);
    const awarded = await createAwardedScope({ entries: 2, awarded: 1 });
    await openPublicity(awarded.campaign.id, awarded.cityAdmin.id);
    await db.$executeRaw`UPDATE campaign_stages SET is_enabled = false WHERE campaign_id = ${awarded.campaign.id} AND kind = 'VOTING'`;

    const paths = (await listPublicCampaignPages()).map((entry) => entry.path);
    const votingBase = `/campaigns/${voting.campaign.id}`;
    expect(paths.filter((path) => path.startsWith(votingBase)).sort()).toEqual([votingBase, `${votingBase}/brands`, `${votingBase}/vote`]);
    const awardedBase = `/campaigns/${awarded.campaign.id}`;
    expect(paths.filter((path) => path.startsWith(awardedBase)).sort()).toEqual([awardedBase, `${awardedBase}/brands`, `${awardedBase}/publicity`]);
    expect((await loadPublicCampaign(awarded.campaign.id))?.campaign.publicities).toHaveLength(1);
  });
});
