import Link from 'next/link';
import { CAMPAIGN_STATUS_LABELS } from '@/lib/campaign/lifecycle';
import { currentStage, stageStatus } from '@/lib/campaign/stages';
import type { TCampaignSummary } from '@/lib/campaign/queries';
import { STAGE_LABELS } from '@/lib/campaign/templates';
import { formatDate } from '@/lib/format';

const STATUS_TONE = {
  open: 'bg-green-100 text-green-800',
  upcoming: 'bg-sky-100 text-sky-800',
  closed: 'bg-stone-200 text-stone-700',
  disabled: 'bg-stone-200 text-stone-700',
};

/** A campaign with the stage running now (or next), judged by the database time passed in; `href` links its title. */
export function CampaignSummaryCard({ campaign, now, href, children }: { campaign: TCampaignSummary; now: Date; href?: string; children?: React.ReactNode }) {
  // A finished or cancelled campaign shows that, whatever its stage dates say.
  const isOver = campaign.status === 'FINISHED' || campaign.status === 'CANCELLED';
  const stage = isOver ? undefined : currentStage(campaign.stages, now);
  const status = stage ? stageStatus(stage, now) : 'closed';
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-lg font-semibold text-stone-900">
            {href ? (
              <Link href={href} className="hover:text-brand-800 hover:underline">
                {campaign.title}
              </Link>
            ) : (
              campaign.title
            )}
          </h3>
          <p className="text-sm text-stone-600">
            {campaign.ownerOrg.shortName ?? campaign.ownerOrg.name} · {campaign.year}年度{campaign.batch ? ` · 第${campaign.batch}批` : ''}
          </p>
        </div>
        <span className={`shrink-0 rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_TONE[status]}`}>
          {stage ? `${STAGE_LABELS[stage.kind]}${status === 'open' ? '进行中' : '即将开始'}` : isOver ? CAMPAIGN_STATUS_LABELS[campaign.status] : '已结束'}
        </span>
      </div>
      {campaign.status === 'CANCELLED' && (
        <p className="mt-2 text-sm text-stone-700">
          {formatDate(campaign.cancelledAt)} 撤销：{campaign.cancelReason}
        </p>
      )}
      {stage && (
        <p className="mt-2 text-sm text-stone-700">
          {STAGE_LABELS[stage.kind]}：{formatDate(stage.startsAt)} 至 {formatDate(stage.endsAt)}
        </p>
      )}
      {campaign.description && <p className="mt-2 line-clamp-2 text-sm text-stone-600">{campaign.description}</p>}
      {children && <div className="mt-3">{children}</div>}
    </article>
  );
}
