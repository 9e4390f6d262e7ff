'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { markNotificationsReadAction } from '@/lib/notifications/actions';

/** 标为已读 for one notice (`id`) or 全部标为已读 (no id). */
export function MarkReadButton({ id, label }: { id?: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function markRead() {
    startTransition(async () => {
      const result = await markNotificationsReadAction(id ? { ids: [id] } : { all: true });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      router.refresh();
    });
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant={id ? 'ghost' : 'secondary'} isLoading={isPending} onClick={markRead} className={id ? 'min-h-9 px-2 text-brand-800' : ''}>
        {label}
      </Button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
