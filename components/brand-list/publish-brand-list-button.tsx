'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { publishBrandListAction } from '@/lib/brand-list/actions';
import { BRAND_LIST_REASON_MAX, BRAND_LIST_REASON_MIN } from '@/lib/brand-list/schema';

type TProps = { campaignId: string; nextVersion: number; passedCount: number; pendingCount: number; disabledReason: string | null };

/** Publishes the passed entries as the next version; from version 2 on it asks why the list changes. */
export function PublishBrandListButton({ campaignId, nextVersion, passedCount, pendingCount, disabledReason }: TProps) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [published, setPublished] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const needsReason = nextVersion > 1;

  function publish() {
    if (needsReason && [...reason.trim()].length < BRAND_LIST_REASON_MIN) {
      setErrors({ reason: `请写明本次变更的理由，至少 ${BRAND_LIST_REASON_MIN} 个字` });
      return;
    }
    startTransition(async () => {
      const result = await publishBrandListAction({ campaignId, reason }).catch(() => null);
      if (!result) return setErrors({ form: '网络异常，品牌清单未发布，请重试' });
      if (!result.ok) return setErrors({ form: result.message, reason: result.fieldErrors?.reason });
      setPublished(`品牌清单第 ${result.data.version} 版已发布，共 ${result.data.entryCount} 个品牌。`);
      setIsOpen(false);
      setReason('');
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {published && <Alert tone="success">{published}</Alert>}
      <Button
        onClick={() => {
          setErrors({});
          setPublished(null);
          setIsOpen(true);
        }}
        disabled={!!disabledReason}
        title={disabledReason ?? undefined}
      >
        {needsReason ? `发布第 ${nextVersion} 版` : '发布品牌清单'}
      </Button>
      {disabledReason && <p className="text-sm text-stone-600">{disabledReason}</p>}
      <ConfirmDialog
        open={isOpen}
        title={needsReason ? `发布品牌清单第 ${nextVersion} 版？` : '发布品牌清单？'}
        confirmLabel="确认发布"
        tone="primary"
        isLoading={isPending}
        onConfirm={publish}
        onCancel={() => setIsOpen(false)}
      >
        <p>将把目前已通过资格审查的 <strong>{passedCount}</strong> 个品牌冻结为第 {nextVersion} 版品牌清单，并在公开页面展示。发布后该版本不能修改或删除。</p>
        {pendingCount > 0 && <Alert tone="warning">还有 {pendingCount} 条申报待审查，它们不会进入本版清单。</Alert>}
        {needsReason && (
          <Field id="brand-list-reason" label="变更理由" required error={errors.reason} hint={`公开页面会展示这段话，${BRAND_LIST_REASON_MIN} 至 ${BRAND_LIST_REASON_MAX} 个字`}>
            <textarea
              id="brand-list-reason"
              rows={3}
              maxLength={BRAND_LIST_REASON_MAX}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              className={inputClass}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? 'brand-list-reason-error' : 'brand-list-reason-hint'}
            />
          </Field>
        )}
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
