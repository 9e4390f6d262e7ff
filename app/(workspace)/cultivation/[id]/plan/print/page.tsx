import { PrintButton } from '@/components/application/print-button';
import { PlanDocument } from '@/components/cultivation/plan-document';
import { buttonClass } from '@/components/ui/button';
import { requirePageUser } from '@/lib/http/page';
import { loadPlanView } from '@/lib/cultivation/queries';
import { PLAN_STATUS_LABELS } from '@/lib/cultivation/plan-schema';
import { formatDate } from '@/lib/format';

export const metadata = { title: '打印创建方案' };

// The browser prints this page as the paper plan: A4, 2 cm margins, nothing but the sheet.
const PRINT_CSS = '@page { size: A4 portrait; margin: 2cm; } @media print { body { background: #fff; } main { max-width: none !important; padding: 0 !important; } }';

export default async function PrintPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { id } = await params;
  const view = await loadPlanView(user, id);
  const plan = view.plan ?? { status: 'DRAFT' as const, goals: '', measures: '', tasks: [], decidedAt: null, decidedByName: null };
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600">打印预览：请在打印设置中选择 A4 纸张。</p>
        <div className="flex gap-2">
          <PrintButton />
          <a href={`/api/cultivation/${view.target.id}/plan/pdf`} className={buttonClass('secondary')} download>下载 PDF</a>
        </div>
      </div>
      <article className="mx-auto max-w-[170mm] bg-white p-6 text-[15px] leading-relaxed text-stone-900 print:p-0">
        <h1 className="text-center text-xl font-bold">“{view.target.brandName}”党建品牌创建方案</h1>
        <p className="mb-4 mt-2 flex justify-between text-sm">
          <span>{view.target.organization.name}</span>
          <span>状态：{PLAN_STATUS_LABELS[plan.status]}</span>
        </p>
        <PlanDocument plan={plan} today={view.today} />
        {plan.status === 'APPROVED' && <p className="mt-4 text-sm">审核意见：同意。{plan.decidedByName} {formatDate(plan.decidedAt)}</p>}
      </article>
    </>
  );
}
