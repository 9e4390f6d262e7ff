import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicBrandGroups } from '@/components/brand-list/public-brand-groups';
import { PublicHeader } from '@/components/layout/public-header';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/card';
import { getPublicBrandList } from '@/lib/brand-list/queries';
import { formatDateTime, queryString } from '@/lib/format';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string; view?: string }> };

function versionOf(raw: string | undefined): number | undefined {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const data = await getPublicBrandList((await params).id);
  return { title: data ? `品牌清单 · ${data.campaign.title}` : '品牌清单' };
}

const tabClass = (isCurrent: boolean) =>
  `flex-1 rounded-md px-3 py-2 text-center text-sm font-medium sm:flex-none ${isCurrent ? 'bg-white text-brand-800 shadow-sm' : 'text-stone-600 hover:text-stone-900'}`;

export default async function PublicBrandListPage({ params, searchParams }: TProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const requested = versionOf(query.version);
  const data = await getPublicBrandList(id, requested);
  if (!data) notFound();
  const { campaign, versions, selected } = data;
  const view = query.view === 'region' ? 'region' : 'field';
  const hrefFor = (changes: { version?: number; view?: string }) => {
    const version = 'version' in changes ? changes.version : selected && !selected.isLatest ? selected.version : undefined;
    const nextView = changes.view ?? view;
    return `/campaigns/${campaign.id}/brands${queryString({ version, view: nextView === 'field' ? undefined : nextView })}`;
  };
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <div>
          <Link href="/" className="text-sm text-brand-700 hover:underline">← 返回首页</Link>
          <h1 className="mt-2 text-2xl font-bold text-stone-900">品牌清单</h1>
          <p className="mt-1 text-stone-600">
            {campaign.title} · {campaign.ownerOrg.shortName ?? campaign.ownerOrg.name}
          </p>
        </div>

        {!selected ? (
          <EmptyState title="品牌清单尚未公布">资格审查完成后，主办单位将在这里公布进入评选的党建品牌。</EmptyState>
        ) : (
          <>
            <section aria-label="本版信息" className="space-y-3">
              {!selected.isLatest && (
                <Alert tone="warning">
                  您正在查看第 {selected.version} 版（历史版本）。<Link href={hrefFor({ version: undefined })} className="font-medium underline">查看最新的第 {versions[0].version} 版</Link>
                </Alert>
              )}
              {requested !== undefined && requested !== selected.version && <Alert tone="warning">没有第 {requested} 版，已为您显示最新版本。</Alert>}
              <div className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="text-lg font-semibold text-stone-900">
                  第 {selected.version} 版 · 共 {selected.entries.length} 个品牌
                </p>
                <p className="text-sm text-stone-600">发布于 {formatDateTime(selected.publishedAt)}</p>
                {selected.leftCount > 0 && (
                  <p className="mt-2 text-sm text-stone-700">本版发布后，另有 {selected.leftCount} 个品牌被退回重新申报，已移出清单。</p>
                )}
                {selected.reason && <p className="mt-2 break-words text-sm text-stone-700">变更理由：{selected.reason}</p>}
                {versions.length > 1 && (
                  <a href="#versions" className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">共 {versions.length} 个版本，查看版本记录</a>
                )}
              </div>
            </section>

            <section aria-labelledby="brands-heading" className="space-y-4">
              <h2 id="brands-heading" className="sr-only">品牌名单</h2>
              <nav aria-label="分组方式" className="flex gap-1 rounded-lg bg-stone-100 p-1 sm:inline-flex">
                <Link href={hrefFor({ view: 'field' })} className={tabClass(view === 'field')} aria-current={view === 'field' ? 'page' : undefined}>
                  按领域（{selected.byField.length}）
                </Link>
                <Link href={hrefFor({ view: 'region' })} className={tabClass(view === 'region')} aria-current={view === 'region' ? 'page' : undefined}>
                  按地区（{selected.byRegion.length}）
                </Link>
              </nav>
              {view === 'field' ? <PublicBrandGroups groups={selected.byField} detail="regionName" /> : <PublicBrandGroups groups={selected.byRegion} detail="fieldName" />}
            </section>

            <section id="versions" aria-labelledby="versions-heading" className="space-y-2">
              <h2 id="versions-heading" className="text-lg font-semibold text-stone-900">版本记录</h2>
              <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
                {versions.map((version) => {
                  const isCurrent = version.version === selected.version;
                  return (
                    <li key={version.version}>
                      <Link
                        href={hrefFor({ version: version.version === versions[0].version ? undefined : version.version })}
                        className={`block px-4 py-3 hover:bg-stone-50 ${isCurrent ? 'bg-brand-50' : ''}`}
                        aria-current={isCurrent ? 'page' : undefined}
                      >
                        <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                          <span className="font-medium text-stone-900">
                            第 {version.version} 版{version.version === versions[0].version ? '（最新）' : ''}
                          </span>
                          <span className="text-sm text-stone-600">{formatDateTime(version.publishedAt)} · {version.entryCount} 个品牌</span>
                        </span>
                        <span className="mt-1 block break-words text-sm text-stone-600">{version.reason ?? '首次发布'}</span>
                      </Link>
                    </li>
                  );
                })}
              </ol>
            </section>
          </>
        )}
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500">党建品牌选树平台</footer>
    </>
  );
}
