import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { listPairings } from '@/lib/pairing/queries';
import { PAIRING_KIND_LABELS, PAIRING_VERDICT_LABELS } from '@/lib/pairing/schema';
import { formatDate } from '@/lib/format';

export const metadata = { title: '结对共建' };

const day = (value: string) => formatDate(`${value}T00:00:00+08:00`);

export default async function PairingsPage() {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const rows = await listPairings(user);
  const isStaff = user.roles.some((grant) => grant.role === 'COMMITTEE_ADMIN' || grant.role === 'ORG_ADMIN');
  return (
    <>
      <PageHeader
        title="结对共建"
        description="品牌组织与后进党支部、机关与企业结对帮扶：结对计划、共建活动（计入双方台帐）与期满评议"
        actions={
          isStaff ? (
            <div className="flex flex-wrap gap-2">
              <Link href="/pairings/lagging" className={buttonClass('secondary')}>后进党支部</Link>
              <Link href="/pairings/new" className={buttonClass('primary')}>新建结对</Link>
            </div>
          ) : undefined
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="暂无结对共建">{isStaff ? '先认定后进党支部，再为品牌组织安排结对。' : '上级党(工)委安排结对后，在这里记录共建活动。'}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => (
            <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold text-stone-900">
                  <Link href={`/pairings/${row.id}`} className="hover:underline">{row.brandOrgName} ⇄ {row.partnerLabel}</Link>
                </h2>
                {row.status === 'REVIEWED' && row.verdict ? (
                  <Badge tone={row.verdict === 'FAIL' ? 'warning' : 'success'}>评议：{PAIRING_VERDICT_LABELS[row.verdict]}</Badge>
                ) : (
                  <Badge tone="info">结对中</Badge>
                )}
              </div>
              <p className="mt-1 text-sm text-stone-600">
                {PAIRING_KIND_LABELS[row.kind]}
                {row.brandName && <> · 品牌「{row.brandName}」</>} · {row.committeeName}
              </p>
              <p className="mt-1 text-sm text-stone-600">
                {day(row.startsOn)}至{day(row.endsOn)} · 共建活动 {row.activities} 次
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
