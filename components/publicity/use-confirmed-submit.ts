'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { TActionResult } from '@/lib/errors';

/**
 * A form whose submit first opens a confirmation dialog: `ask` validates and opens it, `confirm` runs the action,
 * then refreshes the page on success or shows the refusal (field errors on their fields, the message above the form).
 */
export function useConfirmedSubmit<TValues extends FieldValues>(form: UseFormReturn<TValues>, action: (values: TValues) => Promise<TActionResult<unknown>>, failure: string) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setMessage(null);
    const result = await action(form.getValues()).catch(() => null);
    setBusy(false);
    setConfirming(false);
    if (result?.ok) {
      router.refresh();
      return;
    }
    for (const [path, text] of Object.entries(result?.fieldErrors ?? {})) form.setError(path as Path<TValues>, { message: text });
    setMessage(result?.message ?? failure);
  }

  return { ask: form.handleSubmit(() => setConfirming(true)), confirming, cancel: () => setConfirming(false), confirm, busy, message };
}
