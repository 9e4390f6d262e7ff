/** The committee's reason for sending the application back, shown where the secretary cannot miss it. */
export function ReturnReasonNotice({ reason }: { reason: string }) {
  return (
    <div role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">申报表已被退回，请按以下意见修改后重新提交：</p>
      <p className="mt-1 whitespace-pre-wrap break-words">{reason}</p>
    </div>
  );
}
