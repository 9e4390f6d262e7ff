// An organization's place in the tree is part of every running campaign it takes part in: entries climb the levels of
// the tree as it is now (the recommendation chain reads the current paths and depths), and committees act through
// grants on active organizations. So once a campaign's 逐级推荐 has opened (lifecycle.ts 'restructure-organizations'),
// an organization whose subtree holds entries of that campaign — or the campaign's own organizer — can be neither moved
// nor disabled until the campaign is finished or cancelled. Refusing is simpler than freezing a copy of the chain per
// campaign, and leaves one tree for everything that reads it (review conflicts, the own-unit vote rule, the 品牌清单's
// regions).
import { dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { CampaignProgram, CampaignStatus, StageKind } from '@/lib/generated/prisma/enums';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { subtreeLikePattern } from '@/lib/org-tree/tree';

/**
 * Refuses (CONFLICT, naming the campaign) to move or disable the organization at `path` with its subtree while a
 * running campaign whose 逐级推荐 has opened has entries in that subtree or is organized inside it. Locks those
 * campaigns' rows FOR SHARE, so a stage moved at the same moment waits for this decision.
 */
export async function assertNoRunningCampaignInvolves(tx: TTx, organization: { path: string; name: string }): Promise<void> {
  const pattern = subtreeLikePattern(organization.path);
  const campaigns = await tx.$queryRaw<{ id: string; title: string; status: CampaignStatus; program: CampaignProgram }[]>`
    SELECT c.id, c.title, c.status, c.program FROM campaigns c JOIN organizations owner ON owner.id = c.owner_org_id
    WHERE c.status = 'PUBLISHED' AND (
      owner.path LIKE ${pattern}
      OR EXISTS (
        SELECT 1 FROM applications a JOIN organizations o ON o.id = a.organization_id
        WHERE a.campaign_id = c.id AND a.status <> 'DRAFT' AND o.path LIKE ${pattern}
      )
    )
    ORDER BY c.id
    FOR SHARE OF c`;
  if (!campaigns.length) return;
  const [now, stages] = await Promise.all([
    dbNow(tx),
    tx.campaignStage.findMany({ where: { campaignId: { in: campaigns.map((campaign) => campaign.id) } }, select: { campaignId: true, kind: true, isEnabled: true, startsAt: true, endsAt: true } }),
  ]);
  for (const campaign of campaigns) {
    const own = stages.filter((stage) => stage.campaignId === campaign.id) as { kind: StageKind; isEnabled: boolean; startsAt: Date; endsAt: Date }[];
    const refusal = operationRefusal('restructure-organizations', { status: campaign.status, program: campaign.program, stages: own, now });
    if (refusal) throw new AppError('CONFLICT', `“${organization.name}”或其下级组织参加了评选活动“${campaign.title}”，${refusal.message}`);
  }
}
