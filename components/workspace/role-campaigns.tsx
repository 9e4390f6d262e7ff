import { CampaignSummaryCard } from '@/components/campaign/campaign-summary-card';
import { EmptyState } from '@/components/ui/card';
import type { TCampaignSummary } from '@/lib/campaign/queries';

/** The campaigns a role takes part in, with what that role does in each (filled in by later features). */
export function RoleCampaigns({ campaigns, now, note }: { campaigns: TCampaignSummary[]; now: Date; note: string }) {
  if (!campaigns.length) return <EmptyState title="暂无可参与的评选活动">上级组织部发布评选活动后会显示在这里。</EmptyState>;
  return (
    <div className="space-y-3">
      {campaigns.map((campaign) => (
        <CampaignSummaryCard key={campaign.id} campaign={campaign} now={now}>
          <p className="text-sm text-stone-500">{note}</p>
        </CampaignSummaryCard>
      ))}
    </div>
  );
}
