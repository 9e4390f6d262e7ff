import Link from 'next/link';
import { AcceptanceDecideForm } from '@/components/acceptance/decide-form';
import { AcceptanceGroupForm } from '@/components/acceptance/group-form';
import { AcceptanceFacts, AcceptanceReport } from '@/components/acceptance/request-view';
import { RevokeRecognitionButton } from '@/components/acceptance/revoke-recognition-button';
import { AcceptanceSheetForm } from '@/components/acceptance/sheet-form';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { formatDate, formatDateTime } from '@/lib/format';
import { listGroupCandidates, loadAcceptanceRequest } from '@/lib/acceptance/queries';

export const metadata = { title: '验收申请' };

/** One acceptance request, as the organizer (group, sheets, conclusion), the branch (status, findings) or a group expert sees it. */
export default async function AcceptanceRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN', 'BRANCH_SECRETARY', 'EXPERT']);
  const request = await loadAcceptanceRequest(user, (await params).id);
  if (!request) pageNotFound();
  const candidates = request.role === 'organizer' && request.status === 'WAITING' ? await listGroupCandidates(user, request) : [];
  const ownSheet = request.experts.find((expert) => expert.expertId === user.id);
  const decided = request.status === 'PASSED' || request.status === 'FAILED';
  const backHref = request.role === 'organizer' ? '/admin/acceptance' : '/acceptance';
  return (
    <>
      <Link href={backHref} className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回{request.role === 'organizer' ? '验收队列' : '验收认定'}</Link>
      <PageHeader
        title={`验收申请：“${request.cultivation.brand.name}”`}
        actions={decided ? <Link href={`/acceptance/requests/${request.id}/opinion`} className={buttonClass('secondary')}>验收意见书</Link> : undefined}
      />
      <div className="space-y-5">
        <AcceptanceFacts request={request} now={new Date()} />
        {decided && (
          <Card title={request.status === 'PASSED' ? '验收结论：通过，予以认定' : '验收结论：不通过'}>
            <div className="space-y-2 text-sm">
              {request.findings && <p className="whitespace-pre-line break-words">{request.findings}</p>}
              {request.onsiteNote && <p className="whitespace-pre-line break-words text-stone-600">实地核验：{request.onsiteNote}</p>}
              {request.status === 'FAILED' && request.role === 'branch' && <p className="text-stone-600">请按验收意见继续创建，完善后可再次申请验收。</p>}
              {request.recognition?.revokedAt && (
                <Alert tone="warning">
                  认定已于 {formatDate(request.recognition.revokedAt)} 撤销（摘牌）：{request.recognition.revokeReason}
                </Alert>
              )}
              {request.recognition && (
                <div className="flex flex-wrap gap-2">
                  <a href={`/api/certificates/${request.recognition.recognitionNo}`} className={buttonClass('primary')}>下载认定证书</a>
                  {request.role === 'organizer' && !request.recognition.revokedAt && (
                    <RevokeRecognitionButton recognitionId={request.recognition.id} recognitionNo={request.recognition.recognitionNo} brandName={request.cultivation.brand.name} />
                  )}
                </div>
              )}
            </div>
          </Card>
        )}
        {request.role === 'expert' && ownSheet && request.status === 'REVIEWING' && !ownSheet.submittedAt && (
          <Card title="验收评分">
            <AcceptanceSheetForm requestId={request.id} criteria={request.criteria} initial={{ scores: ownSheet.scores, comment: ownSheet.comment }} />
          </Card>
        )}
        {request.role === 'expert' && ownSheet?.submittedAt && request.status === 'REVIEWING' && (
          <Alert tone="success">验收评分已提交，等待组织部作出验收结论。</Alert>
        )}
        {request.role === 'organizer' && request.status === 'WAITING' && (
          <Card title="组成验收组">
            <AcceptanceGroupForm requestId={request.id} candidates={candidates} />
          </Card>
        )}
        {(request.role === 'organizer' || ownSheet?.submittedAt) && request.experts.length > 0 && (
          <Card title="验收组评分">
            <ul className="divide-y divide-stone-200 text-sm">
              {request.experts
                .filter((expert) => request.role === 'organizer' || expert.expertId === user.id)
                .map((expert) => (
                  <li key={expert.expertId} className="space-y-1 py-2">
                    <p className="flex flex-wrap justify-between gap-2">
                      <span className="font-medium">{expert.expert.displayName}</span>
                      <span>{expert.submittedAt ? `${expert.scores.reduce((sum, points) => sum + points, 0)} 分 · ${formatDateTime(expert.submittedAt)} 提交` : '未提交'}</span>
                    </p>
                    {expert.submittedAt && (
                      <p className="text-xs text-stone-500">{request.criteria.map((criterion, index) => `${criterion.name} ${expert.scores[index] ?? 0}`).join('　')}</p>
                    )}
                    {expert.submittedAt && expert.comment && <p className="whitespace-pre-line break-words text-stone-700">{expert.comment}</p>}
                  </li>
                ))}
            </ul>
          </Card>
        )}
        {request.role === 'organizer' && request.status === 'REVIEWING' && (
          <Card title="作出验收结论">
            <AcceptanceDecideForm requestId={request.id} ready={request.experts.every((expert) => expert.submittedAt)} />
          </Card>
        )}
        <AcceptanceReport request={request} />
      </div>
    </>
  );
}
