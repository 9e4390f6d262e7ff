import Link from 'next/link';
import { ProgramForm } from '@/components/demo/program-form';
import { SiteForm } from '@/components/demo/site-form';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { SITE_LEVEL_LABELS } from '@/lib/demo/templates';
import { loadDemoProgram, siteFormOptions } from '@/lib/demo-site/queries';

export const metadata = { title: '示范建设' };

/** A program's sites in the reader's scope with status, checklist counts and latest score; settings for its owner. */
export default async function DemoProgramPage({ params }: { params: Promise<{ programId: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN', 'COMMITTEE_ADMIN', 'BRANCH_SECRETARY']);
  const program = await loadDemoProgram(user.roles, (await params).programId);
  if (!program) pageNotFound();
  const organizations = await siteFormOptions(user.roles, program.ownerOrg.path);
  return (
    <>
      <PageHeader title={program.title} description={`${program.ownerOrg.name} · ${program.startYear}—${program.startYear + program.years - 1} 年`} />
      <Card title={`示范点（${program.sites.length}）`} className="mb-6">
        {program.sites.length === 0 ? (
          <EmptyState title="暂无示范点">在下方新建示范点。</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200">
            {program.sites.map((site) => (
              <li key={site.id} className="space-y-1 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/admin/demo/sites/${site.id}`} className="font-medium text-brand-700 hover:underline">
                    {site.name}
                  </Link>
                  <Badge tone={site.level === 'CITY' ? 'brand' : 'info'}>{SITE_LEVEL_LABELS[site.level]}</Badge>
                  {site.status === 'REVOKED' && <Badge tone="muted">已摘牌</Badge>}
                </div>
                <p className="text-stone-600">
                  {site.organization.name}
                  {site.brand ? ` · “${site.brand.name}”` : ''}
                </p>
                <p className="text-xs text-stone-500">
                  {site.completeness.map((list) => `${list.name} 达标 ${list.met}/${list.total}`).join('，')}
                  {site.latest ? `；${site.latest.year} 年考评 ${site.latest.total} 分（第 ${site.latest.version} 版）` : '；尚未考评'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {organizations.length > 0 && (
        <Card title="新建示范点" className="mb-6">
          <SiteForm programId={program.id} organizations={organizations} />
        </Card>
      )}
      {program.canManage && (
        <Card title="建设设置">
          <ProgramForm programId={program.id} initial={program} />
        </Card>
      )}
    </>
  );
}
