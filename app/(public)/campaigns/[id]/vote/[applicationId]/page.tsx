import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicHeader } from '@/components/layout/public-header';
import { CopyLinkButton } from '@/components/voting/copy-link-button';
import { hasVoteAction, VoteAction, VoterBar } from '@/components/voting/voter-bar';
import { fileUrl } from '@/lib/files/service';
import { loadVoterView } from '@/lib/voting/current-voter';
import { loadVotingCampaign, loadVotingEntry } from '@/lib/voting/queries';
import { absoluteUrl, qrSvg } from '@/lib/voting/share';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ id: string; applicationId: string }> };

async function load(params: TProps['params']) {
  const { id, applicationId } = await params;
  const campaign = await loadVotingCampaign(id);
  const entry = campaign && (await loadVotingEntry(campaign, applicationId));
  return campaign && entry ? { campaign, entry } : null;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { title: '网络投票' };
  const { entry } = found;
  const description = entry.application.slogan || entry.application.essence.slice(0, 80);
  return {
    title: `${entry.brandName} · 网络投票`,
    description,
    openGraph: { title: `为“${entry.brandName}”投票`, description, images: entry.application.logoFileId ? [await absoluteUrl(fileUrl(entry.application.logoFileId, 'medium'))] : [] },
  };
}

function Section({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold text-stone-900">{title}</h2>
      <div className="whitespace-pre-line text-[15px] leading-7 text-stone-800">{text}</div>
    </section>
  );
}

export default async function VotingEntryPage({ params }: TProps) {
  const found = await load(params);
  if (!found) notFound();
  const { campaign, entry } = found;
  const path = `/campaigns/${campaign.id}/vote/${entry.applicationId}`;
  const [view, shareUrl] = await Promise.all([loadVoterView(campaign), absoluteUrl(path)]);
  const qr = await qrSvg(shareUrl);
  const { application } = entry;

  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-5 px-4 py-5">
        <nav aria-label="返回">
          <Link href={`/campaigns/${campaign.id}/vote`} className="text-sm text-brand-700 underline">← 全部品牌</Link>
        </nav>
        <header className="flex gap-4">
          {application.logoFileId ? (
            // eslint-disable-next-line @next/next/no-img-element -- public logo from our file route
            <img src={fileUrl(application.logoFileId, 'medium')} alt={`${entry.brandName}标识`} width={96} height={96} className="size-24 shrink-0 rounded-lg border border-stone-200 bg-white object-contain" />
          ) : (
            <span aria-hidden className="flex size-24 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-4xl font-bold text-brand-700">{entry.brandName.slice(0, 1)}</span>
          )}
          <div className="min-w-0 space-y-1">
            <h1 className="break-all text-xl font-bold text-stone-900 sm:text-2xl">{entry.brandName}</h1>
            <p className="text-sm text-stone-700">{entry.organizationName}</p>
            <p className="text-xs text-stone-600">{entry.fieldName} · {entry.regionName}</p>
            {entry.votes !== null && <p className="text-sm text-stone-700">{campaign.window.status === 'closed' && '最终得票 '}<strong className="text-lg tabular-nums text-stone-900">{entry.votes}</strong> 票</p>}
          </div>
        </header>
        {application.slogan && <p className="rounded-lg bg-brand-50 px-4 py-3 text-center font-medium text-brand-900">“{application.slogan}”</p>}

        <VoterBar campaign={campaign} view={view} back={path} />
        {hasVoteAction(campaign) && (
          <div className="sticky bottom-3 z-10 rounded-lg bg-white/95 p-2 shadow-lg ring-1 ring-stone-200 sm:static sm:p-0 sm:shadow-none sm:ring-0">
            <VoteAction campaign={campaign} view={view} entry={entry} back={path} />
          </div>
        )}

        <Section title="品牌内涵" text={application.essence} />
        <Section title="创建载体" text={application.carriers} />
        {application.attachments.length > 0 && (
          <section className="space-y-2">
            <h2 className="text-base font-semibold text-stone-900">图片展示</h2>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {application.attachments.map((photo) => (
                <li key={photo.fileId}>
                  <figure>
                    <a href={fileUrl(photo.fileId)} target="_blank" rel="noopener">
                      {/* eslint-disable-next-line @next/next/no-img-element -- public photos from our file route */}
                      <img src={fileUrl(photo.fileId, 'medium')} alt={photo.caption || `${entry.brandName}图片`} loading="lazy" className="aspect-[4/3] w-full rounded-lg border border-stone-200 object-cover" />
                    </a>
                    {photo.caption && <figcaption className="mt-1 text-xs text-stone-600">{photo.caption}</figcaption>}
                  </figure>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="flex flex-col items-center gap-3 rounded-xl border border-stone-200 bg-white p-5 sm:flex-row sm:items-start" aria-labelledby="share-title">
          <div className="size-36 shrink-0" role="img" aria-label={`“${entry.brandName}”投票页二维码`} dangerouslySetInnerHTML={{ __html: qr }} />
          <div className="w-full min-w-0 space-y-2">
            <h2 id="share-title" className="text-base font-semibold text-stone-900">邀请好友投票</h2>
            <p className="text-sm text-stone-600">分享本页：好友长按或扫描二维码即可打开，也可以复制链接发送给好友。</p>
            <p className="break-all rounded bg-stone-100 px-3 py-2 font-mono text-xs text-stone-700" data-testid="share-url">{shareUrl}</p>
            <CopyLinkButton url={shareUrl} />
          </div>
        </section>
      </main>
    </>
  );
}
