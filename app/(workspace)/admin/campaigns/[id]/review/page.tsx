import Link from 'next/link';
import { AssignmentBoard } from '@/components/review/assignment-board';
import { CommitAssignmentButton } from '@/components/review/commit-assignment-button';
import { PanelManager } from '@/components/review/panel-manager';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { stageStatus, STAGE_STATUS_LABELS } from '@/lib/campaign/stages';
import { formatDateTime } from '@/lib/format';
import { AGGREGATION_LABELS } from '@/lib/review/aggregate';
import { planFor } from '@/lib/review/assign-service';
import { loadReviewCampaignWithNow } from '@/lib/review/admin-page';
import { loadAssignmentBoard } from '@/lib/review/queries';
import { listExperts, listPanels } from '@/lib/review/experts';

export const metadata = { title: '专家评审' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewAdminPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const { campaign, now } = await loadReviewCampaignWithNow(user, id);
  const basePath = `/admin/campaigns/${campaign.id}/review`;
  const stage = campaign.stages.find((candidate) => candidate.kind === 'EXPERT_REVIEW');
  const status = stage ? stageStatus(stage, now) : 'disabled';
  const canChange = campaign.status === 'PUBLISHED' && (status === 'upcoming' || status === 'open');
  const round = typeof search.round === 'string' && /^[1-9]$/.test(search.round) ? Number(search.round) : 1;
  const board = await loadAssignmentBoard(campaign, round);
  const seed = typeof search.preview === 'string' && /^\d{1,10}$/.test(search.preview) ? Number(search.preview) : null;
  // The board already loaded the state the plan is made from (and the page checked the admin): plan it here.
  const preview = seed !== null && canChange && round === 1 ? planFor(campaign, board.inputs, seed) : null;
  const [panels, managedExperts] = await Promise.all([listPanels(campaign.id), listExperts(user.roles)]);
  const names = new Map(board.experts.map((expert) => [expert.id, expert.name]));
  const entryNames = new Map(board.entries.map((entry) => [entry.id, entry.brandName]));
  const newSeed = Math.floor(Math.random() * 2_000_000_000);
  const short = board.entries.filter((entry) => entry.sheets.length < campaign.expertsPerEntry).length;

  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回{campaign.title}
      </Link>
      <PageHeader
        title="专家评审"
        description={`每个品牌 ${campaign.expertsPerEntry} 位专家 · ${campaign.blindReview ? '匿名评审' : '实名评审'} · ${AGGREGATION_LABELS[campaign.scoreAggregation]}`}
        actions={
          <Link href={`${basePath}/results`} className={buttonClass('secondary')}>
            评审结果与排名
          </Link>
        }
      />
      <div className="space-y-4">
        <Alert tone={status === 'open' ? 'info' : 'warning'}>
          专家评审阶段{STAGE_STATUS_LABELS[status]}
          {stage && status !== 'disabled' && `（${formatDateTime(stage.startsAt)} 至 ${formatDateTime(stage.endsAt)}）`}。
          {status === 'closed' && '评审已截止，分配不能再调整。'}
        </Alert>
        {typeof search.assigned === 'string' && <Alert tone="success">已新增 {search.assigned} 份评分表。</Alert>}

        {board.entries.length === 0 ? (
          <EmptyState title="品牌清单尚未发布">资格审查后发布品牌清单，清单中的品牌才能分配专家评审。</EmptyState>
        ) : (
          <>
            <Card
              title="分配概况"
              actions={
                canChange &&
                round === 1 && (
                  <Link href={`${basePath}?preview=${newSeed}`} className={buttonClass(preview ? 'secondary' : 'primary')}>
                    {preview ? '重新生成方案' : '自动分配预览'}
                  </Link>
                )
              }
            >
              <dl className="grid gap-3 text-sm sm:grid-cols-4">
                <div><dt className="text-stone-500">品牌</dt><dd className="text-lg font-semibold tabular-nums">{board.entries.length}</dd></div>
                <div><dt className="text-stone-500">专家库</dt><dd className="text-lg font-semibold tabular-nums">{board.experts.length} 位</dd></div>
                <div><dt className="text-stone-500">评分表</dt><dd className="text-lg font-semibold tabular-nums">{board.totals.submitted} / {board.totals.sheets} 已提交</dd></div>
                <div><dt className="text-stone-500">专家不足的品牌</dt><dd className={`text-lg font-semibold tabular-nums ${short ? 'text-amber-800' : ''}`}>{short}</dd></div>
              </dl>
              {board.experts.length === 0 && <p className="mt-3 text-sm text-amber-800">专家库为空：请先为专家账号分配“专家”角色并填写专家信息。</p>}
            </Card>

            <Card title="专家组">
              <PanelManager
                campaignId={campaign.id}
                canChange={canChange}
                fields={campaign.fields.map((field) => ({ id: field.id, name: field.name }))}
                experts={managedExperts.map((expert) => ({ id: expert.id, name: expert.displayName }))}
                panels={panels.map((panel) => ({ id: panel.id, name: panel.name, fieldId: panel.fieldId, fieldName: panel.field?.name ?? null, memberIds: panel.members.map((member) => member.expert.id) }))}
              />
            </Card>

            {preview && (
              <Card title="自动分配方案（预览，尚未保存）">
                <div className="space-y-3 text-sm">
                  <p>
                    新增 {preview.plan.add.length} 份评分表，其中 {preview.plan.add.filter((row) => row.isFieldMatch).length} 份为同领域专家；每位专家最多 {preview.plan.cap} 份。
                    已自动排除与申报单位有上下级或同单位关系、以及声明回避的专家。
                  </p>
                  {preview.plan.shortfalls.length > 0 && (
                    <Alert tone="warning">
                      {preview.plan.shortfalls.length} 个品牌专家不足：
                      {preview.plan.shortfalls.slice(0, 10).map((row) => `“${entryNames.get(row.entryId) ?? ''}”${row.have}/${row.wanted}`).join('、')}
                      {preview.plan.shortfalls.length > 10 && ' 等'}。可确认后手动添加，或扩充专家库后重新生成。
                    </Alert>
                  )}
                  <details>
                    <summary className="cursor-pointer text-brand-800">各专家分配数量</summary>
                    <ul className="mt-2 grid gap-1 sm:grid-cols-3">
                      {Object.entries(preview.plan.loads).map(([expertId, load]) => (
                        <li key={expertId} className="flex justify-between rounded bg-stone-50 px-2 py-1">
                          <span>{names.get(expertId)}</span>
                          <span className="tabular-nums">{load} 份</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                  <CommitAssignmentButton campaignId={campaign.id} seed={preview.seed} fingerprint={preview.fingerprint} count={preview.plan.add.length} href={basePath} />
                </div>
              </Card>
            )}

            {board.rounds.length > 1 && (
              <nav aria-label="评审轮次" className="flex flex-wrap gap-1.5">
                {board.rounds.map((value) => (
                  <Link
                    key={value}
                    href={value === 1 ? basePath : `${basePath}?round=${value}`}
                    aria-current={value === round ? 'page' : undefined}
                    className={`rounded-md px-3 py-2 text-sm ${value === round ? 'bg-brand-700 text-white' : 'bg-white ring-1 ring-inset ring-stone-200'}`}
                  >
                    {value === 1 ? '第 1 轮评审' : `第 ${value} 轮复议`}
                  </Link>
                ))}
              </nav>
            )}
            <AssignmentBoard campaignId={campaign.id} board={board} perEntry={campaign.expertsPerEntry} canChange={canChange} round={round} />
          </>
        )}
      </div>
    </>
  );
}
