import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicHeader } from '@/components/layout/public-header';
import { PhoneVerifyForm } from '@/components/voting/phone-verify-form';
import { Alert } from '@/components/ui/alert';
import { loadVotingCampaign } from '@/lib/voting/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '手机号验证 · 网络投票' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ next?: string }> };

export default async function VerifyPhonePage({ params, searchParams }: TProps) {
  const [{ id }, { next: rawNext }] = await Promise.all([params, searchParams]);
  const campaign = await loadVotingCampaign(id);
  if (!campaign) notFound();
  const home = `/campaigns/${campaign.id}/vote`;
  // Back to this campaign's voting pages only.
  const next = rawNext && rawNext.startsWith(`${home}`) && /^[\w\-./?=&%]*$/.test(rawNext) ? rawNext : home;
  const open = campaign.publicVotingEnabled && campaign.window.status === 'open';
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-md space-y-5 px-4 py-6">
        <div>
          <h1 className="text-xl font-bold text-stone-900">手机号验证</h1>
          <p className="mt-1 text-sm text-stone-600">{campaign.title}</p>
        </div>
        {open ? (
          <div className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <p className="text-sm text-stone-700">
              群众投票需验证手机号：每个手机号每天可投 {campaign.votesPerVoterPerDay} 票。手机号仅用于防止重复投票，不会公开。
            </p>
            <PhoneVerifyForm campaignId={campaign.id} next={next} />
          </div>
        ) : (
          <Alert tone="warning">{campaign.publicVotingEnabled ? '当前不在投票时间内。' : '本活动未开放群众投票，党员请登录账号投票。'}</Alert>
        )}
        <p className="text-center text-sm">
          <Link href={home} className="text-brand-700 underline">返回投票页</Link>
          <span className="mx-2 text-stone-300">|</span>
          <Link href={`/login?next=${encodeURIComponent(home)}`} className="text-brand-700 underline">党员账号登录</Link>
        </p>
      </main>
    </>
  );
}
