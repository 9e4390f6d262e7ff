import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { BeltDecision, BeltSubmit } from '@/components/belt/belt-decision';
import { BeltSitesEditor } from '@/components/belt/belt-sites-editor';
import { ImprovementForm, ImprovementList } from '@/components/belt/improvement-items';
import { RouteLine } from '@/components/belt/route-line';
import { ChecklistPanel } from '@/components/demo/checklist-panel';
import { loadChecklist } from '@/lib/checklist/queries';
import { requirePageUser } from '@/lib/http/page';
import { loadBeltView } from '@/lib/belt/queries';
import { BELT_STATUS_LABELS } from '@/lib/belt/schema';
import { formatDateTime } from '@/lib/format';

export const metadata = { title: '示范带' };

const VERDICT = { MET: { label: '达标', tone: 'success' }, NOT_MET: { label: '未达标', tone: 'warning' }, PENDING: { label: '待查验', tone: 'neutral' } } as const;

export default async function BeltPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { id } = await params;
  const view = await loadBeltView(user, id);
  // The belt's 五个一 with evidence (the checklist module shared with the sites); read-only for those who may not judge.
  const checklist = await loadChecklist(user.roles, { beltId: id });
  const { target } = view;
  const status = target.status;
  const openItems = view.items.filter((item) => item.status === 'OPEN');
  const doneYears = view.plan.filter((row) => row.done).length;
  const canSubmit = view.manager && (status === 'DRAFT' || status === 'RETURNED');
  return (
    <>
      <PageHeader
        title={target.name}
        description={`${target.ownerOrg.name} · ${target.program.title}`}
        actions={
          <>
            <Badge tone={status === 'APPROVED' ? 'success' : status === 'RETURNED' ? 'warning' : status === 'SUBMITTED' ? 'info' : 'neutral'}>{BELT_STATUS_LABELS[status]}</Badge>
            {view.manager && <Link href={`/admin/demo/belts/${target.id}/edit`} className={buttonClass('secondary')}>立项内容与三年计划</Link>}
          </>
        }
      />
      <div className="space-y-4">
        {status === 'RETURNED' && <Alert tone="warning">{view.decidedByName ?? '组织部'}于 {formatDateTime(view.decidedAt)} 退回立项：{view.returnReason}。请修改后重新提交。</Alert>}
        {status === 'SUBMITTED' && <Alert tone="info">已于 {formatDateTime(view.submittedAt)} 提交立项，等待组织部审批。</Alert>}
        {status === 'APPROVED' && <Alert tone="success">{view.decidedByName ?? '组织部'}于 {formatDateTime(view.decidedAt)} 批准立项。</Alert>}

        <div className="grid gap-3 sm:grid-cols-3">
          <div className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
            <p className="text-xs text-stone-600">示范点</p>
            <p className="text-xl font-bold text-stone-900">{view.sites.length}<span className="text-sm font-normal text-stone-600"> / 至少 {target.minSites} 个</span></p>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
            <p className="text-xs text-stone-600">三年计划</p>
            <p className="text-xl font-bold text-stone-900">{doneYears}<span className="text-sm font-normal text-stone-600"> / {view.plan.length} 个年度节点已完成</span></p>
          </div>
          <div className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
            <p className="text-xs text-stone-600">问题 / 提升清单</p>
            <p className="text-xl font-bold text-stone-900">{openItems.length}<span className="text-sm font-normal text-stone-600"> 项待整改{openItems.some((item) => item.overdue) ? `（${openItems.filter((item) => item.overdue).length} 项逾期）` : ''}</span></p>
          </div>
        </div>

        <Card title="线路示意">
          <RouteLine stops={view.sites} />
        </Card>

        {view.manager && (
          <Card title="线路上的示范点">
            <BeltSitesEditor beltId={target.id} stops={view.sites} candidates={view.candidates} minSites={target.minSites} />
          </Card>
        )}

        {canSubmit && (
          <Card title="提交立项">
            <BeltSubmit beltId={target.id} refusal={view.submitRefusal} />
          </Card>
        )}
        {view.decider && status === 'SUBMITTED' && (
          <Card title="立项审批">
            <BeltDecision beltId={target.id} />
          </Card>
        )}

        <Card title="三年计划进度">
          <ol className="space-y-2">
            {view.plan.map((row) => (
              <li key={row.year} className="flex gap-2 text-sm">
                <Badge tone={row.done ? 'success' : 'neutral'}>{row.year}年 {row.done ? '已完成' : '推进中'}</Badge>
                <span className="whitespace-pre-wrap text-stone-800">{row.milestones || '未填写年度节点'}</span>
              </li>
            ))}
          </ol>
        </Card>

        {checklist ? (
          <Card title="示范带检查清单">
            <ChecklistPanel view={checklist} />
          </Card>
        ) : (
          view.beltChecklists.map((list) => (
            <Card key={list.key} title={`示范带${list.name}`}>
              <ul className="grid gap-2 sm:grid-cols-2">
                {list.items.map((item) => (
                  <li key={item.name} className="flex items-center justify-between gap-2 rounded-md border border-stone-200 px-3 py-2 text-sm">
                    <span className="text-stone-900">{item.name}</span>
                    <Badge tone={VERDICT[item.verdict].tone}>{VERDICT[item.verdict].label}</Badge>
                  </li>
                ))}
              </ul>
            </Card>
          ))
        )}

        <Card title="问题清单与提升清单" id="items">
          <ImprovementList items={view.items} canManage={view.manager} />
        </Card>
        {view.manager && (
          <Card title="新增事项">
            <ImprovementForm beltId={target.id} sites={view.sites.map((site) => ({ id: site.id, name: site.name }))} owners={view.ownerCandidates} today={view.today} />
          </Card>
        )}
      </div>
    </>
  );
}
