import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { listCultivations } from '@/lib/cultivation/queries';
import { PLAN_STATUS_LABELS } from '@/lib/cultivation/plan-schema';

export const metadata = { title: '培育创建' };

export default async function CultivationHomePage() {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const rows = await listCultivations(user);
  const isStaff = user.roles.some((grant) => grant.role === 'COMMITTEE_ADMIN' || grant.role === 'ORG_ADMIN');
  return (
    <>
      <PageHeader
        title="培育创建"
        description="品牌的创建方案（目标、措施、倒排工期）与每月台帐"
        actions={isStaff ? <Link href="/cultivation/grid" className={buttonClass('secondary')}>台帐上报情况</Link> : undefined}
      />
      {rows.length === 0 ? (
        <EmptyState title="暂无培育创建中的品牌">品牌列入品牌清单（创建认定）或获得表彰（选树）后，在这里填写创建方案和台帐。</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => (
            <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold text-stone-900">{row.brandName}</h2>
                <Badge tone={row.planStatus === 'APPROVED' ? 'success' : row.planStatus === 'RETURNED' ? 'warning' : 'neutral'}>
                  创建方案：{row.planStatus === 'NONE' ? '未填写' : PLAN_STATUS_LABELS[row.planStatus]}
                </Badge>
              </div>
              <p className="mt-1 text-sm text-stone-600">{row.organizationName} · {row.campaignTitle} · 已上报 {row.reportedMonths} 个月</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <Link href={`/cultivation/${row.id}/plan`} className={buttonClass('secondary')}>创建方案</Link>
                <Link href={`/cultivation/${row.id}/ledger`} className={buttonClass('primary')}>台帐</Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
