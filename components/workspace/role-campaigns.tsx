import Link from 'next/link';
import { CampaignSummaryCard } from '@/components/campaign/campaign-summary-card';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import type { TCampaignSummary } from '@/lib/campaign/queries';
import { isOperationAllowed } from '@/lib/campaign/lifecycle';

/** The campaigns a role takes part in, with what that role does in each (filled in by later features). */
export function RoleCampaigns({ campaigns, now, note, showVote = false }: { campaigns: TCampaignSummary[]; now: Date; note: string; showVote?: boolean }) {
  if (!campaigns.length) return <EmptyState title="暂无可参与的评选活动">上级组织部发布评选活动后会显示在这里。</EmptyState>;
  return (
    <div className="space-y-3">
      {campaigns.map((campaign) => (
        <CampaignSummaryCard key={campaign.id} campaign={campaign} now={now}>
          {showVote && isOperationAllowed('cast-vote', { status: campaign.status, program: campaign.program, stages: campaign.stages, now }) ? (
            <Link href={`/campaigns/${campaign.id}/vote`} className={buttonClass('primary')}>参与网络投票</Link>
          ) : (
            <p className="text-sm text-stone-500">{note}</p>
          )}
        </CampaignSummaryCard>
      ))}
    </div>
  );
}
