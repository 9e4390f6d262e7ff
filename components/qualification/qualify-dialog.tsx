'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { qualifyApplicationAction } from '@/lib/qualification/actions';
import { QUALIFICATION_REASON_MAX, QUALIFICATION_REASON_MIN } from '@/lib/qualification/schema';

export type TQualifyTarget = { id: string; brandName: string; organizationName: string; checks: Record<string, boolean>; reason: string | null; isPassed: boolean };

type TProps = { target: TQualifyTarget; checklist: readonly string[]; onClose: () => void };

/** The checklist of one entry: tick each item, then pass it, or fail it with a reason that goes back to the branch. */
export function QualifyDialog({ target, checklist, onClose }: TProps) {
  const router = useRouter();
  const [checks, setChecks] = useState<Record<string, boolean>>(() => Object.fromEntries(checklist.map((item) => [item, target.checks[item] === true])));
  const [result, setResult] = useState<'PASSED' | 'FAILED' | null>(target.isPassed ? 'PASSED' : null);
  const [reason, setReason] = useState(target.reason ?? '');
  const [errors, setErrors] = useState<{ checks?: string; result?: string; reason?: string; form?: string }>({});
  const [isPending, startTransition] = useTransition();
  const tickedCount = checklist.filter((item) => checks[item]).length;
  const isAllTicked = tickedCount === checklist.length;

  function validate() {
    const found: typeof errors = {};
    if (!result) found.result = '请选择审查结果';
    if (result === 'PASSED' && !isAllTicked) found.checks = '所有审查项都符合才能通过；有不符合的项目，请选择“不通过”并写明理由';
    if (result === 'FAILED' && [...reason.trim()].length < QUALIFICATION_REASON_MIN) found.reason = `请写明不通过的理由，至少 ${QUALIFICATION_REASON_MIN} 个字`;
    return found;
  }

  function submit() {
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length || !result) return;
    startTransition(async () => {
      const response = await qualifyApplicationAction({ applicationId: target.id, checks, result, reason }).catch(() => null);
      if (!response) return setErrors({ form: '网络异常，审查结果未保存，请重试' });
      if (!response.ok) return setErrors({ form: response.message, reason: response.fieldErrors?.reason, checks: response.fieldErrors?.checks });
      onClose();
      router.refresh();
    });
  }

  const footer = (
    <>
      <Button variant="secondary" onClick={onClose} disabled={isPending}>取消</Button>
      <Button variant={result === 'FAILED' ? 'danger' : 'primary'} onClick={submit} isLoading={isPending}>
        {result === 'FAILED' ? '不通过并退回' : '确认通过'}
      </Button>
    </>
  );

  return (
    <Dialog open onClose={onClose} title="资格审查" footer={footer}>
      <div className="space-y-4 text-sm">
        <div>
          <p className="break-all text-base font-semibold text-stone-900">{target.brandName || '未命名品牌'}</p>
          <p className="text-stone-600">{target.organizationName}</p>
        </div>
        <fieldset aria-describedby={errors.checks ? 'qualify-checks-error' : undefined}>
          <legend className="sr-only">审查项</legend>
          <div className="mb-2 flex items-center justify-between gap-2">
            <p className="font-medium text-stone-800">审查项（已勾选 {tickedCount} / {checklist.length}）</p>
            <button
              type="button"
              className="shrink-0 text-sm font-medium text-brand-700 hover:underline"
              onClick={() => {
                setChecks(Object.fromEntries(checklist.map((item) => [item, !isAllTicked])));
                // Everything met is the common case: pre-select 通过 unless a result was already chosen.
                if (!isAllTicked && result === null) setResult('PASSED');
              }}
            >
              {isAllTicked ? '全部取消' : '全部符合'}
            </button>
          </div>
          <ul className="space-y-1">
            {checklist.map((item) => (
              <li key={item}>
                <label className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 px-3 py-2.5 hover:bg-stone-50 has-[:checked]:border-brand-200 has-[:checked]:bg-brand-50">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 shrink-0 accent-brand-700"
                    checked={checks[item]}
                    onChange={(event) => setChecks((current) => ({ ...current, [item]: event.target.checked }))}
                  />
                  <span>{item}</span>
                </label>
              </li>
            ))}
          </ul>
          {errors.checks && <p id="qualify-checks-error" role="alert" className="mt-1 text-sm text-red-700">{errors.checks}</p>}
        </fieldset>
        <fieldset aria-describedby={errors.result ? 'qualify-result-error' : undefined}>
          <legend className="mb-2 font-medium text-stone-800">审查结果<span className="ml-0.5 text-red-700" aria-hidden>*</span></legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <label className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-2.5 has-[:checked]:border-green-600 has-[:checked]:bg-green-50">
              <input type="radio" name="qualify-result" className="size-4 accent-green-700" checked={result === 'PASSED'} onChange={() => setResult('PASSED')} />
              <span>通过，列入品牌清单</span>
            </label>
            <label className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-2.5 has-[:checked]:border-red-600 has-[:checked]:bg-red-50">
              <input type="radio" name="qualify-result" className="size-4 accent-red-700" checked={result === 'FAILED'} onChange={() => setResult('FAILED')} />
              <span>不通过，退回重新申报</span>
            </label>
          </div>
          {errors.result && <p id="qualify-result-error" role="alert" className="mt-1 text-sm text-red-700">{errors.result}</p>}
        </fieldset>
        {result === 'FAILED' && (
          <Alert tone="warning">
            不通过的申报将退回申报单位，逐级推荐结果保留；申报单位在资格审查结束前修改并重新提交后，直接回到资格审查待审列表。
          </Alert>
        )}
        <Field
          id="qualify-reason"
          label={result === 'FAILED' ? '不通过理由' : '审查意见（可选）'}
          required={result === 'FAILED'}
          error={errors.reason}
          hint={result === 'FAILED' ? `申报单位会看到这段话，${QUALIFICATION_REASON_MIN} 至 ${QUALIFICATION_REASON_MAX} 个字` : `最多 ${QUALIFICATION_REASON_MAX} 个字`}
        >
          <textarea
            id="qualify-reason"
            rows={3}
            maxLength={QUALIFICATION_REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className={inputClass}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? 'qualify-reason-error' : 'qualify-reason-hint'}
          />
        </Field>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
      </div>
    </Dialog>
  );
}
