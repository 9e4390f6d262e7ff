'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { setReminderSmsAction } from '@/lib/notifications/actions';

/** 提醒短信 of a campaign: the inbox always gets reminders; this adds an SMS to each recipient with a phone. */
export function ReminderSmsToggle({ campaignId, enabled }: { campaignId: string; enabled: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function toggle() {
    startTransition(async () => {
      const result = await setReminderSmsAction({ campaignId, enabled: !enabled });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-stone-700">
        提醒短信：<strong data-testid="reminder-sms-state">{enabled ? '已开启' : '未开启'}</strong>
        <span className="block text-stone-600">各类提醒（评审截止前、台帐逾期未报）总会发到站内通知；开启后同时给有手机号的接收人发短信。</span>
      </p>
      <Button variant="secondary" isLoading={isPending} onClick={toggle}>
        {enabled ? '关闭提醒短信' : '开启提醒短信'}
      </Button>
      {error && <p role="alert" className="w-full text-red-700">{error}</p>}
    </div>
  );
}
