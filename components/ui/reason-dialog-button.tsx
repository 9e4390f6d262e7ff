'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';

type TResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> };

type TReasonDialogButtonProps = {
  /** The button, e.g. 退回重新申报; also the dialog's title unless `title` is given. */
  label: string;
  title?: string;
  description: string;
  confirmLabel: string;
  reasonLabel: string;
  variant?: 'danger' | 'secondary' | 'ghost';
  /** Accessible name of the button when the label alone is ambiguous in a list, e.g. 不推荐 红心向党. */
  ariaLabel?: string;
  disabled?: boolean;
  onSubmit: (reason: string) => Promise<TResult | null>;
  onDone?: () => void;
};

/** A button that asks for a written reason (5–500 characters) in a dialog, then runs the action. */
export function ReasonDialogButton({ label, title, description, confirmLabel, reasonLabel, variant = 'danger', ariaLabel, disabled, onSubmit, onDone }: TReasonDialogButtonProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(false);

  async function confirm() {
    setIsLoading(true);
    setError(null);
    const result = await onSubmit(reason).catch(() => null);
    setIsLoading(false);
    if (result?.ok) {
      setOpen(false);
      setReason('');
      onDone?.();
      return;
    }
    setError(result?.fieldErrors?.reason ?? result?.message ?? '网络异常，操作未完成，请重试');
  }

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} disabled={disabled} aria-label={ariaLabel}>
        {label}
      </Button>
      <ConfirmDialog open={open} title={title ?? label} confirmLabel={confirmLabel} isLoading={isLoading} onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
        <p>{description}</p>
        <Field id={`${id}-reason`} label={reasonLabel} required error={error ?? undefined} hint="5 至 500 个字">
          <textarea
            id={`${id}-reason`}
            rows={4}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className={inputClass}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-reason-error` : `${id}-reason-hint`}
          />
        </Field>
      </ConfirmDialog>
    </>
  );
}
