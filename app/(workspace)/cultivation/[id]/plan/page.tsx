import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { PlanDecision } from '@/components/cultivation/plan-decision';
import { PlanDocument } from '@/components/cultivation/plan-document';
import { PlanForm } from '@/components/cultivation/plan-form';
import { requirePageUser } from '@/lib/http/page';
import { loadPlanView } from '@/lib/cultivation/queries';
import { PLAN_STATUS_LABELS } from '@/lib/cultivation/plan-schema';
import { formatDateTime } from '@/lib/format';

export const metadata = { title: '创建方案' };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { id } = await params;
  const view = await loadPlanView(user, id);
  const { target, plan } = view;
  const status = plan?.status ?? 'DRAFT';
  const isEditable = view.keeper && !view.writeRefusal && (status === 'DRAFT' || status === 'RETURNED');
  return (
    <>
      <PageHeader
        title={`${target.brandName} · 创建方案`}
        description={`${target.organization.name} · ${target.campaign.title}`}
        actions={
          <>
            <Badge tone={status === 'APPROVED' ? 'success' : status === 'RETURNED' ? 'warning' : 'neutral'}>{plan ? PLAN_STATUS_LABELS[status] : '未填写'}</Badge>
            <Link href={`/cultivation/${target.id}/ledger`} className="text-sm text-brand-700 underline">台帐</Link>
          </>
        }
      />
      <div className="space-y-4">
        {plan?.status === 'RETURNED' && <Alert tone="warning">上级于 {formatDateTime(plan.decidedAt)} 退回：{plan.returnReason}。请修改后重新提交。</Alert>}
        {plan?.status === 'SUBMITTED' && <Alert tone="info">已于 {formatDateTime(plan.submittedAt)} 提交，等待上级党(工)委审核。</Alert>}
        {plan?.status === 'APPROVED' && <Alert tone="success">{plan.decidedByName ?? '上级'}于 {formatDateTime(plan.decidedAt)} 批准。批准后的方案不能再修改。</Alert>}
        {view.keeper && view.writeRefusal && status !== 'APPROVED' && <Alert tone="warning">{view.writeRefusal}</Alert>}

        {isEditable ? (
          <PlanForm cultivationId={target.id} initial={{ goals: plan?.goals ?? '', measures: plan?.measures ?? '', tasks: plan?.tasks ?? [] }} revision={plan?.revision ?? 0} today={view.today} />
        ) : plan ? (
          <Card
            title="方案内容"
            actions={
              <div className="flex flex-wrap gap-2">
                <Link href={`/cultivation/${target.id}/plan/print`} className={buttonClass('secondary')}>A4 打印</Link>
                <a href={`/api/cultivation/${target.id}/plan/pdf`} className={buttonClass('secondary')}>下载 PDF</a>
              </div>
            }
          >
            <PlanDocument plan={plan} today={view.today} />
          </Card>
        ) : (
          <Alert tone="info">品牌所在组织尚未填写创建方案。</Alert>
        )}

        {view.overseer && plan?.status === 'SUBMITTED' && (view.decideRefusal ? <Alert tone="warning">{view.decideRefusal}</Alert> : <PlanDecision cultivationId={target.id} />)}
      </div>
    </>
  );
}
