import { Alert } from '@/components/ui/alert';
import { ReturnReasonNotice } from '@/components/application/return-reason-notice';
import type { TApplicationDetail } from '@/lib/application/queries';
import { formatDateTime } from '@/lib/format';

/** Where the application stands, above the form or the read-only view. */
export function ApplicationStatusBanner({ application }: { application: TApplicationDetail }) {
  if (application.status === 'SUBMITTED') {
    return <Alert tone="success">申报表已于 {formatDateTime(application.submittedAt)} 提交，正在等待上级党组织审核，暂不能修改。</Alert>;
  }
  const isReturned = application.status === 'RETURNED' && !!application.returnReason;
  const closedNotice =
    application.declaration === 'upcoming' ? '申报尚未开始，暂不能填写。' : application.declaration === 'open' || isReturned ? null : '申报阶段已结束，不能再填写或提交。';
  return (
    <>
      {isReturned && (
        <ReturnReasonNotice
          reason={application.returnReason!}
          returnedFrom={application.returnedFrom}
          until={application.declaration === 'open' ? application.editableUntil : null}
        />
      )}
      {closedNotice && <Alert tone="warning">{closedNotice}</Alert>}
      {!closedNotice && application.status === 'DRAFT' && <Alert tone="info">填写内容会自动保存为草稿，全部填写完成后点击“提交”。</Alert>}
    </>
  );
}
