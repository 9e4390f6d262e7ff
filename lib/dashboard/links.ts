// The list behind each dashboard number, as a URL with its filters. A committee cannot open the organizer's campaign
// pages (review, votes, objections, acceptance): those numbers get no link for it (null).
import { queryString } from '@/lib/format';
import type { TFunnelStage } from '@/lib/application/funnel';
import type { TAcceptanceStage, TObjectionCount } from '@/lib/dashboard/types';

export type TAudience = 'organizer' | 'committee';

export function dashboardLinks(campaignId: string, audience: TAudience) {
  const organizer = audience === 'organizer';
  const admin = `/admin/campaigns/${campaignId}`;
  return {
    applications: (filters: { stage?: TFunnelStage; field?: string; within?: string }) =>
      `/applications${queryString({ campaign: campaignId, stage: filters.stage === 'declared' ? undefined : filters.stage, field: filters.field, within: filters.within })}`,
    review: organizer ? `${admin}/review` : null,
    votes: organizer ? `${admin}/votes` : null,
    flags: organizer ? `${admin}/votes/flags` : null,
    objections: (status: TObjectionCount['status']) => (organizer ? `${admin}/objections${queryString({ status })}` : null),
    ledger: (orgId: string) => `/cultivation/grid${queryString({ campaign: campaignId, org: orgId })}`,
    acceptance: (stage: TAcceptanceStage) => (organizer && stage !== 'CULTIVATING' ? `/admin/acceptance${queryString({ campaign: campaignId, status: stage })}` : null),
    sites: '/admin/demo',
    belts: '/admin/demo/belts',
  };
}
export type TDashboardLinks = ReturnType<typeof dashboardLinks>;
