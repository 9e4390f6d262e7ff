'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { startDraftAction } from '@/lib/application/actions';

/** Creates (or finds) the organization's application for the campaign — or, `another`, one more — then opens the form. */
export function StartDeclarationButton({ campaignId, organizationId, another = false }: { campaignId: string; organizationId: string; another?: boolean }) {
  const router = useRouter();
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setIsLoading(true);
    setError(null);
    const result = await startDraftAction({ campaignId, organizationId, another });
    if (result.ok) {
      router.push(`/declare/${result.data.id}`);
      return;
    }
    setIsLoading(false);
    setError(result.message);
  }

  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      <Button variant={another ? 'secondary' : 'primary'} onClick={start} isLoading={isLoading}>
        {another ? '再申报一个品牌' : '填写申报表'}
      </Button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
