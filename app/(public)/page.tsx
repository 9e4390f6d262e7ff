import Link from 'next/link';
import { CampaignSummaryCard } from '@/components/campaign/campaign-summary-card';
import { PublicHeader } from '@/components/layout/public-header';
import { EmptyState } from '@/components/ui/card';
import { campaignsWithBrandList } from '@/lib/brand-list/queries';
import { listPublicCampaigns } from '@/lib/campaign/queries';
import { isOperationAllowed } from '@/lib/campaign/lifecycle';
import { hasStarted } from '@/lib/campaign/stages';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const { now, campaigns } = await listPublicCampaigns();
  const isCurrent = (campaign: (typeof campaigns)[number]) =>
    campaign.status === 'PUBLISHED' && !campaign.stages.every((stage) => !stage.isEnabled || (hasStarted(stage, now) && stage.endsAt <= now));
  const current = campaigns.filter(isCurrent);
  const past = campaigns.filter((campaign) => !isCurrent(campaign));
  const withBrandList = await campaignsWithBrandList(campaigns.map((campaign) => campaign.id));
  const linkClass = 'text-sm font-medium text-brand-700 hover:underline';
  const campaignLinks = (campaign: (typeof campaigns)[number]) => (
    <span className="flex flex-wrap gap-x-4 gap-y-2">
      <Link href={`/campaigns/${campaign.id}`} className={linkClass}>通知与评选安排 →</Link>
      {withBrandList.has(campaign.id) && (
        <>
          <Link href={`/campaigns/${campaign.id}/brands`} className={linkClass}>查看品牌清单 →</Link>
          {isOperationAllowed('cast-vote', { status: campaign.status, program: campaign.program, stages: campaign.stages, now }) && <Link href={`/campaigns/${campaign.id}/vote`} className={linkClass}>参与网络投票 →</Link>}
          {campaign.publicities.length > 0 && !campaign.announcement && <Link href={`/campaigns/${campaign.id}/publicity`} className={linkClass}>拟表彰名单公示 →</Link>}
          {campaign.announcement && <Link href={`/campaigns/${campaign.id}/announcement`} className={linkClass}>表彰决定 →</Link>}
        </>
      )}
    </span>
  );
  return (
    <>
      <PublicHeader />
      <section className="focus-on-dark bg-gradient-to-b from-brand-700 to-brand-800 text-white">
        <div className="mx-auto max-w-5xl px-4 pb-10 pt-6">
          <h1 className="text-2xl font-bold sm:text-3xl">党建品牌选树</h1>
          <p className="mt-2 max-w-2xl text-white/90">
            以“四有一好”为标准，逐级推荐、专家评审、党员群众参与，选树一批特色鲜明、作用突出、群众认可的基层党建品牌。
          </p>
          <Link href="/gallery" className="mt-4 inline-flex rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50">
            浏览品牌风采 →
          </Link>
        </div>
      </section>
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <section aria-labelledby="current-heading" className="space-y-3">
          <h2 id="current-heading" className="text-xl font-semibold">正在进行的评选</h2>
          {current.length ? (
            current.map((campaign) => <CampaignSummaryCard key={campaign.id} campaign={campaign} now={now} href={`/campaigns/${campaign.id}`}>{campaignLinks(campaign)}</CampaignSummaryCard>)
          ) : (
            <EmptyState title="暂无正在进行的评选活动">新的评选发布后会显示在这里。</EmptyState>
          )}
        </section>
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-xl font-semibold">往期评选</h2>
          {past.length ? (
            past.map((campaign) => <CampaignSummaryCard key={campaign.id} campaign={campaign} now={now} href={`/campaigns/${campaign.id}`}>{campaignLinks(campaign)}</CampaignSummaryCard>)
          ) : (
            <EmptyState title="暂无往期评选" />
          )}
        </section>
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500">党建品牌选树平台</footer>
    </>
  );
}
