import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { DEMO_SECTION_TABS, SectionTabs } from '@/components/ui/section-tabs';
import { CreateBeltForm } from '@/components/belt/create-belt-form';
import { requirePageUser } from '@/lib/http/page';
import { creatableBeltPrograms, listBelts } from '@/lib/belt/queries';
import { BELT_STATUS_LABELS } from '@/lib/belt/schema';

export const metadata = { title: '示范带' };

export default async function BeltsPage() {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const [belts, programs] = await Promise.all([listBelts(user), creatableBeltPrograms(user)]);
  return (
    <>
      <SectionTabs label="示范建设" tabs={DEMO_SECTION_TABS} current="/admin/demo/belts" />
      <PageHeader title="示范带" description="按线路串联示范点，立项后按三年计划推进，问题清单、提升清单逐项销号。" />
      <div className="space-y-4">
        {belts.length ? (
          <ul className="grid gap-3 md:grid-cols-2">
            {belts.map((belt) => (
              <li key={belt.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/admin/demo/belts/${belt.id}`} className="font-semibold text-brand-700 underline">{belt.name}</Link>
                  <Badge tone={belt.status === 'APPROVED' ? 'success' : belt.status === 'RETURNED' ? 'warning' : belt.status === 'SUBMITTED' ? 'info' : 'neutral'}>{BELT_STATUS_LABELS[belt.status]}</Badge>
                </div>
                <p className="mt-1 text-sm text-stone-600">{belt.ownerName} · {belt.programTitle}</p>
                <p className="mt-1 text-sm text-stone-800">
                  示范点 {belt.siteCount}/{belt.minSites}
                  {belt.siteCount < belt.minSites ? `（还差 ${belt.minSites - belt.siteCount} 个）` : ''}
                  {belt.openItems ? ` · 待整改 ${belt.openItems} 项` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="还没有示范带">在下方新建一条示范带，再把本单位范围内的示范点按线路加入。</EmptyState>
        )}
        {programs.length > 0 && (
          <Card title="新建示范带">
            <CreateBeltForm programs={programs} />
          </Card>
        )}
      </div>
    </>
  );
}
