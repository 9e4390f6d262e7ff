import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicHeader } from '@/components/layout/public-header';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { fileUrl } from '@/lib/files/service';
import { formatDate } from '@/lib/format';
import { loadPublicPublicity } from '@/lib/publicity/queries';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ v?: string | string[] }> };

/** `?v=1` shows an earlier (superseded) version; anything else the 公示 in force. */
const versionOf = (raw: string | string[] | undefined) => (typeof raw === 'string' && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : undefined);

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const [{ id }, { v }] = await Promise.all([params, searchParams]);
  const data = await loadPublicPublicity(id, versionOf(v));
  if (!data) return { title: '公示' };
  return {
    title: `拟表彰名单公示 · ${data.campaign.title}`,
    description: `${data.campaign.ownerOrg.name}对${data.campaign.title}拟表彰的 ${data.total} 个党建品牌进行公示，公示期 ${formatDate(data.startsAt)} 至 ${formatDate(data.lastDay)}。`,
  };
}

/** 公示: the awards proposed by the signed 领导小组审定, with the period and how to object; earlier versions as superseded. */
export default async function PublicityPage({ params, searchParams }: TProps) {
  const [{ id }, { v }] = await Promise.all([params, searchParams]);
  const data = await loadPublicPublicity(id, versionOf(v));
  if (!data) notFound();
  const { campaign } = data;
  const isOpen = data.isCurrent && data.phase === 'open';
  const base = `/campaigns/${campaign.id}/publicity`;
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <div>
          <Link href="/" className="text-sm text-brand-700 hover:underline">← 返回首页</Link>
          <h1 className="mt-2 text-2xl font-bold text-stone-900">{data.version > 1 ? '拟表彰名单更正公示' : '拟表彰名单公示'}</h1>
          <p className="mt-1 text-stone-600">{campaign.title} · {campaign.ownerOrg.name}</p>
        </div>

        <section aria-label="公示信息" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          {data.supersededBy && (
            <Alert tone="warning">
              本公示已被{formatDate(data.supersededBy.publishedAt)}的更正公示取代，以更正后的名单为准。
              <Link href={base} className="ml-1 font-medium underline">
                查看现行公示
              </Link>
            </Alert>
          )}
          {data.version > 1 && data.decision.correctionReason && <p className="text-sm text-stone-700">更正说明：{data.decision.correctionReason}</p>}
          <p className="text-lg font-semibold text-stone-900">
            公示期：{formatDate(data.startsAt)} 至 {formatDate(data.lastDay)}
          </p>
          {data.isCurrent && data.phase === 'upcoming' && <Alert tone="info">公示将于 {formatDate(data.startsAt)} 开始。</Alert>}
          {data.isCurrent && data.phase === 'ended' && (
            <Alert tone="info">
              公示期已结束。
              {campaign.announcement && (
                <Link href={`/campaigns/${campaign.id}/announcement`} className="ml-1 font-medium underline">
                  查看表彰决定
                </Link>
              )}
            </Alert>
          )}
          {data.notice && <p className="whitespace-pre-line break-words text-sm leading-6 text-stone-700">{data.notice}</p>}
          <div className="flex flex-wrap gap-2">
            {isOpen && (
              <Link href={`/campaigns/${campaign.id}/publicity/objection`} className={buttonClass('primary')}>
                提出异议
              </Link>
            )}
            <Link href="/objections" className={buttonClass('secondary')}>
              查询异议办理进度
            </Link>
          </div>
        </section>

        <section aria-labelledby="list-heading" className="space-y-4">
          <h2 id="list-heading" className="text-lg font-semibold text-stone-900">
            拟表彰品牌（{data.total} 个）
          </h2>
          {data.groups.map((group) => (
            <div key={group.award.id} className="space-y-2">
              <h3 className="border-l-4 border-brand-700 pl-2 font-semibold text-brand-800">
                {group.award.name}（{group.entries.length} 个）
              </h3>
              <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
                {group.entries.map((entry, index) => (
                  <li key={`${entry.id}:${group.award.id}`} className="flex items-start gap-3 px-4 py-3">
                    <span className="mt-0.5 w-6 shrink-0 text-right text-sm tabular-nums text-stone-500">{index + 1}.</span>
                    {entry.logoFileId ? (
                      // eslint-disable-next-line @next/next/no-img-element -- public thumbnails from our file route
                      <img src={fileUrl(entry.logoFileId, 'thumb')} alt="" width={48} height={48} loading="lazy" className="size-12 shrink-0 rounded-md border border-stone-200 object-contain" />
                    ) : (
                      <span aria-hidden className="flex size-12 shrink-0 items-center justify-center rounded-md bg-brand-50 text-lg font-bold text-brand-700">{entry.brandName.slice(0, 1)}</span>
                    )}
                    <span className="min-w-0 flex-1">
                      <span className="block break-words font-medium text-stone-900">{entry.brandName}</span>
                      <span className="block break-words text-sm text-stone-600">{entry.organization.name}</span>
                      {entry.field && <span className="block text-xs text-stone-500">{entry.field.name}</span>}
                    </span>
                    {isOpen && (
                      <Link href={`/campaigns/${campaign.id}/publicity/objection?entry=${entry.id}`} className="shrink-0 self-center rounded px-2 py-2 text-sm text-brand-700 underline-offset-2 hover:underline" aria-label={`对“${entry.brandName}”提出异议`}>
                        提出异议
                      </Link>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>

        {data.versions.length > 1 && (
          <section aria-labelledby="record-heading" className="space-y-2 text-sm">
            <h2 id="record-heading" className="font-semibold text-stone-900">公示记录</h2>
            <ul className="space-y-1">
              {data.versions.map((version, index) => (
                <li key={version.version}>
                  {version.version === data.version ? (
                    <span className="font-medium text-stone-900">第 {version.version} 版（本页）</span>
                  ) : (
                    <Link href={index === 0 ? base : `${base}?v=${version.version}`} className="text-brand-700 underline">
                      第 {version.version} 版
                    </Link>
                  )}
                  <span className="text-stone-600">
                    {' '}
                    · {formatDate(version.publishedAt)} 发布{index === 0 ? ' · 现行' : ` · 已被${formatDate(data.versions[index - 1].publishedAt)}的更正公示取代`}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500">党建品牌选树平台</footer>
    </>
  );
}
