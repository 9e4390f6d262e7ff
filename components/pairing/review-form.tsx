'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { reviewPairingAction } from '@/lib/pairing/actions';
import { PAIRING_LIMITS, PAIRING_VERDICT_LABELS } from '@/lib/pairing/schema';

type TVerdict = keyof typeof PAIRING_VERDICT_LABELS;

/** 期满评议: a verdict and a note; before the end only with 提前评议 ticked (the note says why). */
export function PairingReviewForm({ pairingId, beforeEnd }: { pairingId: string; beforeEnd: boolean }) {
  const id = useId();
  const router = useRouter();
  const [verdict, setVerdict] = useState<TVerdict | ''>('');
  const [note, setNote] = useState('');
  const [early, setEarly] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const result = await reviewPairingAction({ pairingId, verdict: verdict as TVerdict, note, early });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
        return;
      }
      router.refresh();
    });
  }

  return (
    <form
      className="space-y-4"
      aria-label="期满评议"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">评议结果<span className="ml-0.5 text-red-700" aria-hidden>*</span></legend>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {(Object.keys(PAIRING_VERDICT_LABELS) as TVerdict[]).map((key) => (
            <label key={key} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${verdict === key ? 'border-brand-700 bg-brand-50' : 'border-stone-300 bg-white'}`}>
              <input type="radio" name={`${id}-verdict`} value={key} checked={verdict === key} onChange={() => setVerdict(key)} required />
              {PAIRING_VERDICT_LABELS[key]}
            </label>
          ))}
        </div>
        {errors.verdict && <p role="alert" className="mt-1 text-sm text-red-700">{errors.verdict}</p>}
      </fieldset>
      <Field id={`${id}-note`} label="评议意见" required error={errors.note} hint={beforeEnd ? '提前评议时请写明理由' : undefined}>
        <textarea id={`${id}-note`} className={`${inputClass} min-h-24`} value={note} onChange={(event) => setNote(event.target.value)} maxLength={PAIRING_LIMITS.note} required />
      </Field>
      {beforeEnd && (
        <label className="flex items-center gap-2 text-sm text-stone-800">
          <input type="checkbox" checked={early} onChange={(event) => setEarly(event.target.checked)} />
          结对期未满，提前评议
        </label>
      )}
      {message && <Alert tone="error">{message}</Alert>}
      <Button type="submit" isLoading={isPending} disabled={beforeEnd && !early} className="w-full sm:w-auto">提交评议</Button>
    </form>
  );
}
