import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicHeader } from '@/components/layout/public-header';
import { SITE_LEVEL_LABELS } from '@/lib/demo/templates';
import { listPublicDemoCached } from '@/lib/demo-public/public-cache';
import { DEMO_INDEX_VIEW } from '@/lib/http/cached-pages';

// What /demo shows (proxy.ts rewrites /demo to /demo/all; no other view exists). Rendered on first request (none at
// build time: the build has no database) and then kept in Next's cache, tagged `demo` through the data it read
// (lib/demo-public/public-cache.ts): revalidateDemo() expires it on every instance. Being a cached page it goes out
// with an ETag (a browser that has it gets a 304); `revalidate` is only the safety net.
export const revalidate = 600;
export function generateStaticParams(): { view: string }[] {
  return [];
}

export const metadata: Metadata = {
  title: '示范点示范带',
  description: '党建示范点、示范带的建设进展与成效，欢迎群众提出意见。',
};

type TProps = { params: Promise<{ view: string }> };

export default async function DemoIndexPage({ params }: TProps) {
  if ((await params).view !== DEMO_INDEX_VIEW) notFound();
  const { programs } = await listPublicDemoCached();
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold text-stone-900">示范点示范带</h1>
          <p className="text-sm text-stone-700">看得见的建设进展与成效；每个示范点、示范带页面都可以提出意见。</p>
        </header>
        {programs.length === 0 && <p className="text-sm text-stone-600">暂无公开的示范点和示范带。</p>}
        {programs.map((program) => (
          <section key={program.id} aria-labelledby={`program-${program.id}`} className="space-y-4">
            <h2 id={`program-${program.id}`} className="text-lg font-semibold text-brand-800">{program.title}</h2>
            {program.belts.length > 0 && (
              <div className="space-y-2">
                <h3 className="text-base font-semibold text-stone-900">示范带</h3>
                <ul className="space-y-2">
                  {program.belts.map((belt) => (
                    <li key={belt.id}>
                      <Link href={`/demo/belts/${belt.id}`} prefetch={false} className="block rounded-lg border border-brand-100 bg-brand-50/60 p-3 hover:bg-brand-50">
                        <span className="block font-medium text-brand-800 underline underline-offset-2">{belt.name}</span>
                        <span className="mt-0.5 block text-xs text-stone-700">{belt.ownerName} · {belt.siteCount} 个示范点</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {program.sites.length > 0 && (
              <div className="space-y-2">
                <h3 className="text-base font-semibold text-stone-900">示范点</h3>
                <ul className="grid gap-2 sm:grid-cols-2">
                  {program.sites.map((site) => (
                    <li key={site.id}>
                      <Link href={`/demo/sites/${site.id}`} prefetch={false} className="block h-full rounded-lg border border-stone-200 bg-white p-3 hover:bg-stone-50">
                        <span className="block font-medium text-brand-800 underline underline-offset-2">{site.name}</span>
                        <span className="mt-0.5 block text-xs text-stone-700">{SITE_LEVEL_LABELS[site.level]} · {site.organizationName}</span>
                        {site.address && <span className="mt-0.5 block text-xs text-stone-600">{site.address}</span>}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        ))}
      </main>
    </>
  );
}
