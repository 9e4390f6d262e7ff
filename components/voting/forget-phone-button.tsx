'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { forgetVoterAction } from '@/lib/voting/public-actions';

/** 更换手机号: this device forgets the verified phone of the campaign. */
export function ForgetPhoneButton({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className="text-sm text-brand-800 underline disabled:text-stone-400"
      onClick={async () => {
        setBusy(true);
        await forgetVoterAction({ campaignId }).catch(() => null);
        setBusy(false);
        router.refresh();
      }}
    >
      更换手机号
    </button>
  );
}
