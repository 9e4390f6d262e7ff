// The staff dashboard of one campaign for one subtree ("where do we stand"): the organizer's department sees its whole
// tree, a 党(工)委 its own subtree. A handful of aggregate queries run side by side; no number is counted outside the
// subtree at `rootOrgId`. The caller checks that the viewer may see that subtree (lib/dashboard/scope.ts).
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { checklistSection } from '@/lib/dashboard/checklists';
import { funnelSection } from '@/lib/dashboard/funnel';
import { ledgerSection } from '@/lib/dashboard/ledger';
import { acceptanceSection, objectionSection } from '@/lib/dashboard/pipeline';
import { quotaSection } from '@/lib/dashboard/quotas';
import { reviewSection } from '@/lib/dashboard/review';
import { voteSection } from '@/lib/dashboard/votes';
import { loadFunnelEntries } from '@/lib/application/funnel';
import type { TStaffDashboard } from '@/lib/dashboard/types';

export type TStaffDashboardInput = { campaignId: string; rootOrgId: string; /** Replaces the database clock for the 台帐 due days (tests). */ asOf?: Date };

export async function getStaffDashboard(input: TStaffDashboardInput): Promise<TStaffDashboard> {
  const [campaign, root] = await Promise.all([
    db.campaign.findUnique({
      where: { id: input.campaignId },
      select: { id: true, title: true, status: true, ownerOrgId: true, program: true, defaultQuota: true, recommendingDepths: true, ownerOrg: { select: { path: true } }, stages: { where: { isEnabled: true }, select: { kind: true } } },
    }),
    db.organization.findUnique({ where: { id: input.rootOrgId }, select: { id: true, name: true, path: true } }),
  ]);
  if (!campaign || !root) throw new AppError('NOT_FOUND', '评选活动或组织不存在');
  const coversCampaign = campaign.ownerOrg.path.startsWith(root.path);
  const entries = loadFunnelEntries(campaign, root.path);
  const [funnel, quotas, review, votes, objections, ledger, acceptance, checklists] = await Promise.all([
    funnelSection(campaign, root, entries),
    quotaSection(campaign, root.path),
    reviewSection(campaign.id, root.path),
    voteSection(campaign.id, root.path, coversCampaign, entries.then((rows) => new Set(rows.map((entry) => entry.id)))),
    objectionSection(campaign.id, root.path),
    ledgerSection(campaign.id, root, input.asOf),
    acceptanceSection(campaign.id, root.path),
    checklistSection(root.path),
  ]);
  const stages = campaign.stages.map((stage) => stage.kind);
  return { campaign: { id: campaign.id, title: campaign.title, status: campaign.status, program: campaign.program, stages }, root, coversCampaign, funnel, quotas, review, votes, objections, ledger, acceptance, checklists };
}
