// Which subtree and campaign a staff dashboard shows: the viewer's own organization for the role (several grants →
// a choice, the first by default) and a campaign run at or above it (several → a choice; by default the latest one in
// progress, else the latest finished). Anything asked for outside the viewer's grants is simply not offered.
import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import type { TNamed } from '@/lib/dashboard/types';

export type TDashboardRole = 'ORG_ADMIN' | 'COMMITTEE_ADMIN';
export type TDashboardCampaign = TNamed & { status: string; year: number };
export type TDashboardScope = { roots: TNamed[]; root: TNamed & { path: string }; campaigns: TDashboardCampaign[]; campaign: TDashboardCampaign | null };

export async function loadDashboardScope(user: TSessionUser, role: TDashboardRole, requested: { campaign?: string; org?: string }): Promise<TDashboardScope | null> {
  const grants = user.roles.filter((grant) => grant.role === role);
  const grant = grants.find((candidate) => candidate.organizationId === requested.org) ?? grants[0];
  if (!grant) return null;
  const ancestorIds = grant.organizationPath.split('/').filter(Boolean);
  const rows = await db.campaign.findMany({
    where: { status: { in: ['PUBLISHED', 'FINISHED'] }, ownerOrgId: { in: ancestorIds } },
    select: { id: true, title: true, status: true, year: true },
    orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
    take: 50,
  });
  const campaigns = rows.map((row) => ({ id: row.id, name: row.title, status: row.status, year: row.year }));
  const campaign = campaigns.find((row) => row.id === requested.campaign) ?? campaigns.find((row) => row.status === 'PUBLISHED') ?? campaigns[0] ?? null;
  return {
    roots: grants.map((row) => ({ id: row.organizationId, name: row.organizationName })),
    root: { id: grant.organizationId, name: grant.organizationName, path: grant.organizationPath },
    campaigns,
    campaign,
  };
}
