import { db, dbNow } from '@/lib/db';
import type { TCampaignSetup } from '@/lib/campaign/schema';
import { defaultCampaignSetup } from '@/lib/campaign/setup-values';
import { createCampaign } from '@/lib/campaign/service';
import { createOrg, createUser } from './factories';

let counter = 0;

/** A city with two districts (each with a committee below), and an ORG_ADMIN at each district. */
export async function createCampaignScope() {
  const city = await createOrg({ levelLabel: '市委' });
  const east = await createOrg({ parent: city, levelLabel: '区委' });
  const west = await createOrg({ parent: city, levelLabel: '区委' });
  const eastCommittee = await createOrg({ parent: east, levelLabel: '党工委' });
  const westCommittee = await createOrg({ parent: west, levelLabel: '党工委' });
  const eastAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: east.id }] });
  const westAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: west.id }] });
  return { city, east, west, eastCommittee, westCommittee, eastAdmin, westAdmin };
}

export async function campaignSetup(ownerOrgId: string, changes: Partial<TCampaignSetup> = {}): Promise<TCampaignSetup> {
  return { ...defaultCampaignSetup({ now: await dbNow(), ownerOrgId }), title: `测试评选活动-${Date.now().toString(36)}-${counter++}`, ...changes };
}

export async function createTestCampaign(input: { ownerOrgId: string; actorId: string; publish?: boolean; changes?: Partial<TCampaignSetup> }) {
  const setup = await campaignSetup(input.ownerOrgId, input.changes);
  const campaign = await createCampaign({ ...setup, publish: input.publish }, { actorId: input.actorId, ip: '10.9.0.1' });
  return { campaign, setup };
}

/** Moves the declaration's start into the past by database time, as if the calendar had reached it. */
export async function startDeclarationInPast(campaignId: string, hoursAgo = 24) {
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - make_interval(hours => ${hoursAgo}) WHERE campaign_id = ${campaignId} AND kind = 'DECLARATION'`;
}
