'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { updateQualificationChecklistAction } from '@/lib/qualification/actions';
import { CHECKLIST_MAX_ITEMS } from '@/lib/qualification/schema';

/** Edits the campaign's 资格审查 conditions, one per line, until the stage starts. */
export function ChecklistEditor({ campaignId, items }: { campaignId: string; items: readonly string[] }) {
  const router = useRouter();
  const [text, setText] = useState(items.join('\n'));
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);

  function save() {
    setMessage(null);
    startTransition(async () => {
      const result = await updateQualificationChecklistAction({ campaignId, items: lines }).catch(() => null);
      if (result?.ok) {
        setMessage({ tone: 'success', text: `审查项已保存（${result.data.items.length} 项）` });
        router.refresh();
      } else {
        const fieldError = result?.fieldErrors ? Object.values(result.fieldErrors)[0] : undefined;
        setMessage({ tone: 'error', text: fieldError ?? result?.message ?? '网络异常，审查项未保存，请重试' });
      }
    });
  }

  return (
    <div className="mt-3 space-y-2">
      <Field id="checklist-items" label="修改审查项" hint={`每行一项，最多 ${CHECKLIST_MAX_ITEMS} 项；资格审查开始后不能再修改`} error={message?.tone === 'error' ? message.text : undefined}>
        <textarea id="checklist-items" rows={Math.max(5, lines.length + 1)} value={text} onChange={(event) => setText(event.target.value)} className={inputClass} />
      </Field>
      <div className="flex items-center gap-3">
        <Button variant="secondary" onClick={save} isLoading={isPending}>保存审查项</Button>
        {message?.tone === 'success' && <p role="status" className="text-sm text-green-800">{message.text}</p>}
      </div>
    </div>
  );
}
