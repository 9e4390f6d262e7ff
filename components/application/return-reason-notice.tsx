import { formatDateTime } from '@/lib/format';

/**
 * Why the entry came back and what to do now. A 资格审查 return goes straight back to 资格审查 once resubmitted, so the
 * branch is told it need not wait for the committees again; `until` is the end of the window in which it may resubmit
 * (null when that window has closed).
 */
export function ReturnReasonNotice({ reason, returnedFrom, until }: { reason: string; returnedFrom?: string | null; until?: Date | null }) {
  const fromQualification = returnedFrom === 'QUALIFICATION';
  const title =
    until === null
      ? `${fromQualification ? '资格审查未通过' : '申报表已被退回'}，重新提交的时间已过。退回理由：`
      : `${fromQualification ? '资格审查未通过，申报表已退回' : '申报表已被退回'}，请按以下意见修改后${until ? `在 ${formatDateTime(until)} 前` : ''}重新提交${fromQualification ? '（提交后直接回到资格审查，无需再次逐级推荐）' : ''}：`;
  return (
    <div role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 whitespace-pre-wrap break-words">{reason}</p>
    </div>
  );
}
