import Link from 'next/link';
import { ProgramForm } from '@/components/demo/program-form';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { DEMO_SECTION_TABS, SectionTabs } from '@/components/ui/section-tabs';
import { requirePageUser } from '@/lib/http/page';
import { scopeRoots } from '@/lib/auth/scope';
import { DEFAULT_BELT_CHECKLISTS, DEFAULT_MIN_SITES_PER_BELT, DEFAULT_SCORE_SHEET, DEFAULT_SITE_CHECKLISTS } from '@/lib/demo/templates';
import { listDemoPrograms } from '@/lib/demo-site/queries';

export const metadata = { title: '示范建设' };

/** 示范建设 programs the reader's subtree takes part in; an organization department starts a new one from the defaults. */
export default async function DemoProgramsPage() {
  const user = await requirePageUser(['ORG_ADMIN', 'COMMITTEE_ADMIN', 'BRANCH_SECRETARY']);
  const programs = await listDemoPrograms(user.roles);
  const ownRoot = scopeRoots(user.roles, ['ORG_ADMIN'])[0];
  return (
    <>
      <SectionTabs label="示范建设" tabs={DEMO_SECTION_TABS} current="/admin/demo" />
      <PageHeader title="示范建设" description="示范点、示范带的建设计划：检查清单、量化考评与摘牌" />
      {programs.length === 0 ? (
        <EmptyState title="暂无示范建设">组织部新建示范建设后显示在这里。</EmptyState>
      ) : (
        <ul className="mb-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm">
          {programs.map((program) => (
            <li key={program.id} className="space-y-0.5 p-3 text-sm">
              <Link href={`/admin/demo/${program.id}`} className="font-medium text-brand-700 hover:underline">
                {program.title}
              </Link>
              <p className="text-stone-600">
                {program.ownerOrg.name} · {program.startYear}—{program.startYear + program.years - 1} 年 · 每条示范带不少于 {program.minSitesPerBelt} 个示范点
              </p>
              <p className="text-xs text-stone-500">
                示范点 {program.activeSites} 个{program.revokedSites ? `，已摘牌 ${program.revokedSites} 个` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {ownRoot && (
        <Card title={`新建示范建设（${ownRoot.organizationName}）`}>
          <ProgramForm
            ownerOrgId={ownRoot.organizationId}
            initial={{
              title: '',
              startYear: new Date().getFullYear(),
              years: 3,
              minSitesPerBelt: DEFAULT_MIN_SITES_PER_BELT,
              siteChecklists: DEFAULT_SITE_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
              beltChecklists: DEFAULT_BELT_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
              scoreSheet: [...DEFAULT_SCORE_SHEET],
            }}
          />
        </Card>
      )}
    </>
  );
}
