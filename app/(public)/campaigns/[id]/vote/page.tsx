import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicHeader } from '@/components/layout/public-header';
import { hasVoteAction, VoteAction, VoterBar } from '@/components/voting/voter-bar';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { fileUrl } from '@/lib/files/service';
import { loadVoterView } from '@/lib/voting/current-voter';
import { listVotingEntries, loadVotingCampaign } from '@/lib/voting/queries';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value.slice(0, 40) : undefined);

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const campaign = await loadVotingCampaign((await params).id);
  return { title: campaign ? `网络投票 · ${campaign.title}` : '网络投票' };
}

export default async function VotingPage({ params, searchParams }: TProps) {
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const campaign = await loadVotingCampaign(id);
  if (!campaign) notFound();
  const search = { field: first(raw.field), region: first(raw.region), q: first(raw.q) };
  const { entries, fields, regions, total } = await listVotingEntries(campaign, search);
  const view = await loadVoterView(campaign);
  const back = `/campaigns/${campaign.id}/vote`;
  const isFinal = campaign.window.status === 'closed';
  // After the vote, with counts public: the final standing, most votes first.
  const shown = isFinal && campaign.resultsVisibility === 'LIVE' ? [...entries].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)) : entries;

  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-5xl space-y-5 px-4 py-5">
        <div>
          <h1 className="text-xl font-bold text-stone-900 sm:text-2xl">{isFinal ? '网络投票结果' : '网络投票'}</h1>
          <p className="mt-1 text-sm text-stone-600">
            <Link href={`/campaigns/${campaign.id}`} className="hover:text-brand-800 hover:underline">{campaign.title}</Link>
          </p>
        </div>
        <VoterBar campaign={campaign} view={view} back={back} />

        <form className="grid gap-2 sm:grid-cols-[1fr_10rem_10rem_auto]" role="search" aria-label="查找品牌">
          <label htmlFor="vote-q" className="sr-only">品牌或单位名称</label>
          <input id="vote-q" name="q" defaultValue={search.q} placeholder="搜索品牌或单位名称" className={inputClass} />
          <label htmlFor="vote-field" className="sr-only">领域</label>
          <select id="vote-field" name="field" defaultValue={search.field ?? ''} className={inputClass}>
            <option value="">全部领域</option>
            {fields.map((field) => <option key={field} value={field}>{field}</option>)}
          </select>
          <label htmlFor="vote-region" className="sr-only">地区</label>
          <select id="vote-region" name="region" defaultValue={search.region ?? ''} className={inputClass}>
            <option value="">全部地区</option>
            {regions.map((region) => <option key={region} value={region}>{region}</option>)}
          </select>
          <button type="submit" className={buttonClass('secondary')}>查找</button>
        </form>

        {total === 0 ? (
          <EmptyState title="品牌清单尚未公布">品牌清单公布后即可在这里投票。</EmptyState>
        ) : entries.length === 0 ? (
          <EmptyState title="没有找到符合条件的品牌">换个关键词或筛选条件试试。</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {shown.map((entry) => (
              <li key={entry.applicationId} className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex gap-3">
                  {entry.logoFileId ? (
                    // eslint-disable-next-line @next/next/no-img-element -- public thumbnails from our file route
                    <img src={fileUrl(entry.logoFileId, 'thumb')} alt="" width={64} height={64} loading="lazy" className="size-16 shrink-0 rounded border border-stone-200 object-contain" />
                  ) : (
                    <span aria-hidden className="flex size-16 shrink-0 items-center justify-center rounded bg-brand-50 text-2xl font-bold text-brand-700">{entry.brandName.slice(0, 1)}</span>
                  )}
                  <div className="min-w-0">
                    <h2 className="break-all font-semibold text-stone-900">
                      <Link href={`/campaigns/${campaign.id}/vote/${entry.applicationId}`} className="hover:underline">{entry.brandName}</Link>
                    </h2>
                    <p className="text-xs text-stone-600">{entry.organizationName}</p>
                    <p className="text-xs text-stone-500">{entry.fieldName} · {entry.regionName}</p>
                  </div>
                </div>
                {entry.slogan && <p className="text-sm text-stone-700">“{entry.slogan}”</p>}
                {(entry.votes !== null || hasVoteAction(campaign)) && (
                  <div className="mt-auto flex items-end justify-between gap-3">
                    {entry.votes !== null && (
                      <p className="text-sm text-stone-600">
                        {isFinal && '最终得票 '}
                        <strong className="text-lg tabular-nums text-stone-900">{entry.votes}</strong> 票
                      </p>
                    )}
                    {hasVoteAction(campaign) && (
                      <div className="flex-1">
                        <VoteAction campaign={campaign} view={view} entry={entry} back={back} />
                      </div>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="text-center text-sm">
          <Link href="/votes/receipt" className="text-brand-700 underline">查询投票回执</Link>
        </p>
      </main>
    </>
  );
}
