import type { Metadata } from 'next';
import Link from 'next/link';
import { ChecklistStatus } from '@/components/demo-public/checklist-status';
import { PhotoGrid } from '@/components/demo-public/photo-grid';
import { PublicComments } from '@/components/demo-public/public-comments';
import { RouteLine } from '@/components/demo-public/route-line';
import { PublicHeader } from '@/components/layout/public-header';
import { pageNotFound } from '@/lib/http/page';
import { loadPublicBeltCached } from '@/lib/demo-public/public-cache';

// Rendered on first request (none at build time: the build has no database) and then kept in Next's cache, tagged
// `demo` through the data it read (lib/demo-public/public-cache.ts): revalidateDemo() expires it on every instance.
// Being a cached page it goes out with an ETag (a browser that has it gets a 304); `revalidate` is the safety net.
// An unapproved (DRAFT, SUBMITTED, RETURNED) or unknown belt is a 404.
export const revalidate = 600;
export function generateStaticParams(): { id: string }[] {
  return [];
}

type TProps = { params: Promise<{ id: string }> };

async function load(params: TProps['params']) {
  return loadPublicBeltCached((await params).id);
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const belt = await load(params);
  if (!belt) return { title: '示范带 · 未找到', robots: { index: false, follow: false } };
  return { title: `${belt.name} · 示范带`, description: belt.description.slice(0, 120) || `${belt.ownerName}建设的党建示范带` };
}

export default async function PublicBeltPage({ params }: TProps) {
  const belt = await load(params);
  if (!belt) pageNotFound();
  const active = belt.sites.filter((site) => !site.revoked);
  const met = active.reduce((sum, site) => sum + site.met, 0);
  const total = active.reduce((sum, site) => sum + site.total, 0);
  const plansDone = belt.plan.filter((year) => year.done).length;
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <nav aria-label="返回">
          <Link href="/demo" prefetch={false} className="text-sm text-brand-700 underline underline-offset-2">← 示范点示范带</Link>
        </nav>
        <header className="space-y-1">
          <p className="text-xs text-stone-600">{belt.programTitle}</p>
          <h1 className="break-all text-2xl font-bold text-stone-900">{belt.name}</h1>
          <p className="text-sm text-stone-700">{belt.ownerName}</p>
          {belt.description && <p className="whitespace-pre-line text-sm text-stone-800">{belt.description}</p>}
        </header>

        <section aria-labelledby="progress-heading" className="rounded-lg border border-brand-100 bg-brand-50/60 p-4">
          <h2 id="progress-heading" className="text-base font-semibold text-stone-900">建设进展</h2>
          <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
            <div>
              <dt className="text-xs text-stone-700">示范点</dt>
              <dd className="text-xl font-bold text-brand-800">{active.length}</dd>
            </div>
            <div>
              <dt className="text-xs text-stone-700">清单达标项</dt>
              <dd className="text-xl font-bold text-brand-800">{met}/{total}</dd>
            </div>
            <div>
              <dt className="text-xs text-stone-700">年度目标完成</dt>
              <dd className="text-xl font-bold text-brand-800">{plansDone}/{belt.plan.length}</dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="route-heading" className="space-y-3">
          <h2 id="route-heading" className="text-base font-semibold text-stone-900">示范线路</h2>
          <RouteLine sites={belt.sites} />
        </section>

        {belt.checklists.length > 0 && (
          <section aria-labelledby="belt-checklist-heading" className="space-y-2">
            <h2 id="belt-checklist-heading" className="text-base font-semibold text-stone-900">示范带建设清单</h2>
            <ChecklistStatus lists={belt.checklists} />
          </section>
        )}

        {belt.plan.length > 0 && (
          <section aria-labelledby="plan-heading" className="space-y-2">
            <h2 id="plan-heading" className="text-base font-semibold text-stone-900">三年计划</h2>
            <ol className="space-y-2">
              {belt.plan.map((year) => (
                <li key={year.year} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
                  <p className="flex justify-between gap-2 font-medium text-stone-900">
                    <span>{year.year} 年</span>
                    <span className={year.done ? 'text-green-800' : 'text-stone-600'}>{year.done ? '✓ 已完成' : '推进中'}</span>
                  </p>
                  {year.milestones && <p className="mt-1 whitespace-pre-line text-stone-800">{year.milestones}</p>}
                </li>
              ))}
            </ol>
          </section>
        )}

        {belt.photos.length > 0 && (
          <section aria-labelledby="photos-heading" className="space-y-2">
            <h2 id="photos-heading" className="text-base font-semibold text-stone-900">示范点风貌</h2>
            <PhotoGrid photos={belt.photos} showSite />
          </section>
        )}

        <PublicComments comments={belt.comments} commentHref={`/demo/belts/${belt.id}/comment`} />
      </main>
    </>
  );
}
