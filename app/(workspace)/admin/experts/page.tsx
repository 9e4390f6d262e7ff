import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { ORG_FIELD_LABELS } from '@/lib/org-tree/fields';
import { listExperts } from '@/lib/review/experts';

export const metadata = { title: '专家库' };

export default async function ExpertsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [experts, notice] = await Promise.all([listExperts(user.roles), searchParams]);
  return (
    <>
      <PageHeader
        title="专家库"
        description="评审专家是拥有“评审专家”角色的账号；在这里维护所在单位（用于回避）、擅长领域和职务职称"
        actions={<Link href="/admin/users" className={buttonClass('secondary')}>在用户管理中添加专家账号</Link>}
      />
      <div className="space-y-4">
        {notice.saved && <Alert tone="success">专家信息已保存。</Alert>}
        {experts.length === 0 ? (
          <EmptyState title="还没有评审专家">在用户管理中为账号分配“评审专家”角色后，会在这里显示。</EmptyState>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {experts.map((expert) => (
              <li key={expert.id} className="flex items-start justify-between gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium text-stone-900">
                    {expert.displayName}
                    {expert.isDisabled && <span className="ml-2"><Badge tone="muted">已停用</Badge></span>}
                  </p>
                  <p className="text-xs text-stone-500">{[expert.expertProfile?.title, expert.expertProfile?.workUnit, expert.phone].filter(Boolean).join(' · ') || '未填写职务和单位'}</p>
                  <p className="text-xs text-stone-600">所在单位（回避依据）：{expert.expertProfile?.homeOrganization?.name ?? <span className="text-amber-800">未设置</span>}</p>
                  <p className="flex flex-wrap gap-1">
                    {(expert.expertProfile?.expertise ?? []).map((field) => (
                      <Badge key={field} tone="info">{ORG_FIELD_LABELS[field]}</Badge>
                    ))}
                  </p>
                  <p className="text-xs text-stone-500">评分表 {expert._count.reviewAssignments} 份</p>
                </div>
                <Link href={`/admin/experts/${expert.id}`} className={buttonClass('secondary', 'shrink-0')} aria-label={`编辑 ${expert.displayName}`}>
                  编辑
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
