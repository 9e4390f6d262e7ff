'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

type TResult = { ok: true } | { ok: false; message: string };

/**
 * A button that asks first (ConfirmDialog), then runs a server action: the dialog stays open with the refusal's
 * message, or closes and the page refreshes. A network failure keeps the dialog open with a retry message.
 */
export function useConfirmedAction(run: () => Promise<TResult>) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return {
    isOpen,
    error,
    isPending,
    open: () => {
      setError(null);
      setIsOpen(true);
    },
    close: () => setIsOpen(false),
    confirm: () =>
      startTransition(async () => {
        const result = await run().catch((): TResult => ({ ok: false, message: '网络异常，操作未完成，请重试' }));
        if (!result.ok) {
          setError(result.message);
          return;
        }
        setIsOpen(false);
        router.refresh();
      }),
  };
}
