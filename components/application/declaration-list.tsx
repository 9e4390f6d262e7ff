import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { ApplicationStatusBadge } from '@/components/application/application-status-badge';
import { ReturnReasonNotice } from '@/components/application/return-reason-notice';
import { StartDeclarationButton } from '@/components/application/start-declaration-button';
import type { TDeclarationRow } from '@/lib/application/queries';
import { STAGE_STATUS_LABELS } from '@/lib/campaign/stages';
import { formatDate, formatDateTime } from '@/lib/format';

function actionFor(row: TDeclarationRow) {
  const { application, declaration } = row;
  if (!application) {
    if (declaration === 'open') return <StartDeclarationButton campaignId={row.campaign.id} organizationId={row.organization.id} brands={row.brands} />;
    return <span className="text-sm text-stone-500">申报{STAGE_STATUS_LABELS[declaration]}</span>;
  }
  const editable = declaration === 'open' && application.status !== 'SUBMITTED';
  const label = editable ? (application.status === 'RETURNED' ? '修改后重新提交' : '继续填写') : '查看';
  return (
    <Link href={`/declare/${application.id}`} className={buttonClass(editable ? 'primary' : 'secondary')}>
      {label}
    </Link>
  );
}

export function DeclarationList({ rows }: { rows: TDeclarationRow[] }) {
  if (rows.length === 0) {
    return <EmptyState title="暂无可申报的评选活动">上级党组织发布评选活动后，会在这里显示。</EmptyState>;
  }
  return (
    <ul className="space-y-4">
      {rows.map((row) => (
        <li
          key={`${row.campaign.id}-${row.organization.id}-${row.application?.id ?? 'new'}`}
          id={row.application ? undefined : `campaign-${row.campaign.id}-${row.organization.id}`}
          className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0 space-y-1">
              <h2 className="text-base font-semibold text-stone-900">{row.campaign.title}</h2>
              <p className="text-sm text-stone-600">
                申报单位：{row.organization.name}
                {row.campaign.allowMultipleApplications && row.application && `（第 ${row.application.slot} 个品牌）`}
              </p>
              <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
                <ApplicationStatusBadge status={row.application?.status ?? null} />
                {row.application?.brandName && <span className="font-medium text-stone-800">{row.application.brandName}</span>}
                {row.application?.submittedAt && row.application.status === 'SUBMITTED' && <span>提交于 {formatDateTime(row.application.submittedAt)}</span>}
              </p>
              {row.application?.status === 'RETURNED' ? (
                <p className="text-xs text-stone-500">{row.declaration === 'open' ? `可修改后重新提交，截止 ${formatDateTime(row.declarationEndsAt)}` : '重新提交的时间已过'}</p>
              ) : (
                <p className="text-xs text-stone-500">
                  申报阶段：{STAGE_STATUS_LABELS[row.declaration]}
                  {row.declarationEndsAt && row.declaration !== 'closed' && `，截止 ${formatDate(row.declarationEndsAt)}`}
                </p>
              )}
            </div>
            <div className="flex shrink-0 flex-col gap-2 sm:items-end">
              {actionFor(row)}
              {row.canAddAnother && <StartDeclarationButton campaignId={row.campaign.id} organizationId={row.organization.id} brands={row.brands} another />}
            </div>
          </div>
          {row.progress && (
            <p className={`mt-3 rounded-md px-3 py-2 text-sm ${row.progress.tone === 'success' ? 'bg-green-50 text-green-900' : row.progress.tone === 'warning' ? 'bg-amber-50 text-amber-950' : 'bg-sky-50 text-sky-900'}`}>
              推荐进度：{row.progress.text}
            </p>
          )}
          {row.application?.awardedHonors.map((honor) => (
            <p key={honor.certificateNo} className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
              <span>
                荣获“{honor.awardName}”，证书编号 {honor.certificateNo}
              </span>
              <a href={`/api/certificates/${honor.certificateNo}`} className="font-medium text-brand-700 underline" download>
                下载荣誉证书
              </a>
              <Link href={`/certificates/${honor.certificateNo}`} className="text-brand-700 underline">
                验证
              </Link>
            </p>
          ))}
          {row.application?.status === 'RETURNED' && row.application.returnReason && (
            <div className="mt-3">
              <ReturnReasonNotice reason={row.application.returnReason} returnedFrom={row.application.returnedFrom} until={row.declaration === 'open' ? row.declarationEndsAt : null} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
