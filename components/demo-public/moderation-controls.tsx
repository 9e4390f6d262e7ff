'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import type { CommentStatus } from '@/lib/generated/prisma/enums';
import { COMMENT_MAX_LENGTH } from '@/lib/demo-public/comment-rules';
import { approveCommentAction, rejectCommentAction, replyCommentAction } from '@/lib/demo-public/actions';

/** 审核通过 / 不予显示 for a pending comment; 回复 (or change the reply) for an approved one. */
export function ModerationControls({ commentId, status, reply, label }: { commentId: string; status: CommentStatus; reply: string | null; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [replyText, setReplyText] = useState(reply ?? '');
  const [replyOpen, setReplyOpen] = useState(false);

  async function run(action: () => Promise<{ ok: boolean; message?: string } | null>) {
    setBusy(true);
    setError(null);
    const result = await action().catch(() => null);
    setBusy(false);
    if (!result?.ok) setError(result?.message ?? '网络异常，操作未完成，请重试');
    else {
      setReplyOpen(false);
      router.refresh();
    }
    return result;
  }

  if (status === 'PENDING') {
    return (
      <div className="space-y-2">
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button isLoading={busy} onClick={() => void run(() => approveCommentAction({ commentId }))} aria-label={`审核通过：${label}`}>
            审核通过
          </Button>
          <ReasonDialogButton
            label="不予显示"
            ariaLabel={`不予显示：${label}`}
            description="该意见不会公开显示。理由仅工作人员可见，并记入审计日志。"
            confirmLabel="确认不予显示"
            reasonLabel="不予显示的理由"
            onSubmit={(reason) => rejectCommentAction({ commentId, reason })}
            onDone={() => router.refresh()}
          />
        </div>
      </div>
    );
  }
  if (status !== 'APPROVED') return null;
  const fieldId = `reply-${commentId}`;
  return (
    <div className="space-y-2">
      {error && <Alert tone="error">{error}</Alert>}
      {replyOpen ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => replyCommentAction({ commentId, reply: replyText }));
          }}
        >
          <Field id={fieldId} label="回复（公开显示在意见下方）" hint={`${COMMENT_MAX_LENGTH} 字以内`} required>
            <textarea id={fieldId} rows={3} maxLength={COMMENT_MAX_LENGTH} className={inputClass} value={replyText} onChange={(event) => setReplyText(event.target.value)} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" isLoading={busy}>发布回复</Button>
            <Button variant="secondary" onClick={() => setReplyOpen(false)}>取消</Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setReplyOpen(true)} aria-label={`${reply ? '修改回复' : '回复'}：${label}`}>
          {reply ? '修改回复' : '回复'}
        </Button>
      )}
    </div>
  );
}
