import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ObjectionHandling } from '@/components/objections/objection-handling';
import { ObjectionOutcomeBadge, ObjectionStatusBadge } from '@/components/objections/objection-status-badge';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { fileUrl } from '@/lib/files/service';
import { formatDate, formatDateTime, formatFileSize } from '@/lib/format';
import { loadObjectionCase } from '@/lib/objections/queries';
import { OBJECTION_STEP_LABELS, isObjectionOpen } from '@/lib/objections/status';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { loadReviewCampaignWithNow } from '@/lib/review/admin-page';

export const metadata = { title: '异议办理' };

type TProps = { params: Promise<{ id: string; objectionId: string }> };

type TCaseFile = { file: { id: string; kind: 'IMAGE' | 'DOCUMENT'; originalName: string; size: number } };

function FileList({ files }: { files: TCaseFile[] }) {
  if (!files.length) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {files.map(({ file }) => (
        <li key={file.id}>
          <a href={fileUrl(file.id)} target="_blank" rel="noreferrer" className="text-brand-700 underline-offset-2 hover:underline">
            {file.kind === 'IMAGE' ? '图片' : 'PDF'}：{file.originalName}
          </a>
          <span className="ml-2 text-xs text-stone-500">{formatFileSize(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}

export default async function ObjectionCasePage({ params }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id, objectionId } = await params;
  const { campaign, now } = await loadReviewCampaignWithNow(user, id);
  const objection = await loadObjectionCase(campaign.id, objectionId);
  if (!objection) notFound();
  const open = isObjectionOpen(objection.status);
  // The same refusal the service gives: once the campaign is over nothing more is handled.
  const refusal = operationRefusal('handle-objection', { program: campaign.program, status: campaign.status, stages: campaign.stages, now });
  const [filed, ...steps] = objection.events;

  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}/objections`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回异议列表</Link>
      <PageHeader title={`异议：${objection.application.brandName}`} description={`${campaign.title} · 查询码 ${objection.trackingCode}`} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          <Card title="异议内容" actions={<span className="flex gap-1"><ObjectionStatusBadge status={objection.status} />{objection.outcome && <ObjectionOutcomeBadge outcome={objection.outcome} />}</span>}>
            <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 text-sm">
              <dt className="text-stone-600">异议对象</dt>
              <dd>{objection.application.brandName}（{objection.application.organization.name}）</dd>
              <dt className="text-stone-600">针对公示</dt>
              <dd>第 {objection.publicity.version} 版（{formatDate(objection.publicity.publishedAt)} 发布）</dd>
              <dt className="text-stone-600">异议人</dt>
              <dd>{objection.name}</dd>
              <dt className="text-stone-600">手机号码</dt>
              <dd className="font-mono">{objection.phone}（已验证）</dd>
              <dt className="text-stone-600">其他联系方式</dt>
              <dd>{objection.contact || '—'}</dd>
              <dt className="text-stone-600">提交时间</dt>
              <dd>{formatDateTime(objection.createdAt)}{objection.ip ? `（IP ${objection.ip}）` : ''}</dd>
            </dl>
            <h3 className="mt-4 text-sm font-medium text-stone-800">事实和理由</h3>
            <p className="mt-1 whitespace-pre-line rounded-md bg-stone-50 p-3 text-sm text-stone-900">{objection.facts}</p>
            {filed && <FileList files={filed.files} />}
            {objection.otherOpenOnEntry > 0 && <p className="mt-3 text-sm text-amber-900">该品牌另有 {objection.otherOpenOnEntry} 件异议未办结。</p>}
          </Card>

          <Card title="办理记录">
            {steps.length === 0 ? (
              <p className="text-sm text-stone-600">尚未受理。</p>
            ) : (
              <ol className="space-y-4">
                {steps.map((event) => (
                  <li key={event.id} className="border-l-2 border-stone-200 pl-3" data-testid="objection-event">
                    <p className="text-sm font-medium text-stone-900">
                      {OBJECTION_STEP_LABELS[event.step]}
                      <span className="ml-2 text-xs font-normal text-stone-500">{formatDateTime(event.createdAt)} · {event.actor?.displayName ?? '—'}</span>
                    </p>
                    {event.note && <p className="mt-1 whitespace-pre-line text-sm text-stone-700">{event.note}</p>}
                    <FileList files={event.files} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <Card title={open ? '办理' : '办理结果'}>
          {open && refusal ? (
            <Alert tone="warning">{refusal.message}。</Alert>
          ) : open ? (
            <ObjectionHandling objectionId={objection.id} status={objection.status} />
          ) : (
            <div className="space-y-3 text-sm">
              <Alert tone="info">该异议已办结（{formatDateTime(objection.answeredAt)}），办理记录只读。</Alert>
              <p className="font-medium text-stone-800">{objection.status === 'DECLINED' ? '不予受理的理由' : '答复意见'}</p>
              <p className="whitespace-pre-line text-stone-900">{objection.answer}</p>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
