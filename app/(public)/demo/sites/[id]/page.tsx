import type { Metadata } from 'next';
import Link from 'next/link';
import { ChecklistStatus } from '@/components/demo-public/checklist-status';
import { PhotoGrid } from '@/components/demo-public/photo-grid';
import { PublicComments } from '@/components/demo-public/public-comments';
import { PublicHeader } from '@/components/layout/public-header';
import { formatDate } from '@/lib/format';
import { SITE_LEVEL_LABELS } from '@/lib/demo/templates';
import { pageNotFound } from '@/lib/http/page';
import { loadPublicSiteCached } from '@/lib/demo-public/public-cache';

// Rendered on first request (none at build time: the build has no database) and then kept in Next's cache, tagged
// `demo` through the data it read (lib/demo-public/public-cache.ts): revalidateDemo() expires it on every instance.
// Being a cached page it goes out with an ETag (a browser that has it gets a 304); `revalidate` is the safety net.
// A revoked (摘牌) site shows only that, with the date and reason, from the moment of the decision (the revoke
// service calls revalidateDemo()).
export const revalidate = 600;
export function generateStaticParams(): { id: string }[] {
  return [];
}

type TProps = { params: Promise<{ id: string }> };

async function load(params: TProps['params']) {
  return loadPublicSiteCached((await params).id);
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const site = await load(params);
  if (!site) return { title: '示范点 · 未找到', robots: { index: false, follow: false } };
  if (site.revoked) return { title: `${site.name} · 已摘牌`, robots: { index: false } };
  return { title: `${site.name} · 示范点`, description: site.description.slice(0, 120) || `${site.organizationName}的${SITE_LEVEL_LABELS[site.level]}` };
}

export default async function PublicSitePage({ params }: TProps) {
  const site = await load(params);
  if (!site) pageNotFound();
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <nav aria-label="返回">
          <Link href="/demo" prefetch={false} className="text-sm text-brand-700 underline underline-offset-2">← 示范点示范带</Link>
        </nav>
        <header className="space-y-1">
          <h1 className="break-all text-2xl font-bold text-stone-900">{site.name}</h1>
          <p className="text-sm text-stone-700">{SITE_LEVEL_LABELS[site.level]} · {site.organizationName}</p>
        </header>
        {site.revoked ? (
          <section aria-labelledby="revoked-heading" className="rounded-lg border-2 border-stone-400 bg-stone-100 p-4">
            <h2 id="revoked-heading" className="text-lg font-bold text-stone-900">已摘牌</h2>
            <p className="mt-1 text-sm text-stone-800">
              {site.revokedAt ? <>于 <time dateTime={site.revokedAt}>{formatDate(site.revokedAt)}</time> 撤销示范点称号。</> : '已撤销示范点称号。'}
            </p>
            {site.revokeReason && <p className="mt-2 whitespace-pre-line text-sm text-stone-800">原因：{site.revokeReason}</p>}
          </section>
        ) : (
          <>
            <section aria-labelledby="about-heading" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50/60 p-4 text-sm">
              <h2 id="about-heading" className="text-base font-semibold text-stone-900">基本情况</h2>
              <dl className="space-y-1">
                {site.address && (
                  <div className="flex gap-2">
                    <dt className="shrink-0 text-stone-700">地址</dt>
                    <dd className="text-stone-900">{site.address}</dd>
                  </div>
                )}
                {site.brandName && (
                  <div className="flex gap-2">
                    <dt className="shrink-0 text-stone-700">党建品牌</dt>
                    <dd className="text-stone-900">{site.brandName}</dd>
                  </div>
                )}
                <div className="flex gap-2">
                  <dt className="shrink-0 text-stone-700">所属建设</dt>
                  <dd className="text-stone-900">{site.programTitle}</dd>
                </div>
              </dl>
              {site.description && <p className="whitespace-pre-line text-stone-800">{site.description}</p>}
              {site.belts.length > 0 && (
                <p className="text-stone-800">
                  所在示范带：
                  {site.belts.map((belt, index) => (
                    <span key={belt.id}>
                      {index > 0 && '、'}
                      <Link href={`/demo/belts/${belt.id}`} prefetch={false} className="text-brand-700 underline underline-offset-2">{belt.name}</Link>（第 {belt.routeOrder} 站）
                    </span>
                  ))}
                </p>
              )}
            </section>

            {site.photos.length > 0 && (
              <section aria-labelledby="photos-heading" className="space-y-2">
                <h2 id="photos-heading" className="text-base font-semibold text-stone-900">现场照片</h2>
                <PhotoGrid photos={site.photos} />
              </section>
            )}

            {site.checklists.length > 0 && (
              <section aria-labelledby="checklist-heading" className="space-y-2">
                <h2 id="checklist-heading" className="text-base font-semibold text-stone-900">建设清单</h2>
                <ChecklistStatus lists={site.checklists} />
              </section>
            )}

            <PublicComments comments={site.comments} commentHref={`/demo/sites/${site.id}/comment`} />
          </>
        )}
      </main>
    </>
  );
}
