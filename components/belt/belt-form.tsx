'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Card } from '@/components/ui/card';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { SaveIndicator, type TSaveState } from '@/components/application/save-indicator';
import { saveBeltAction } from '@/lib/belt/actions';
import { BELT_LIMITS, type TBeltPlanRow } from '@/lib/belt/schema';

type TBeltValues = { name: string; description: string; factors: Record<string, string>; plan: TBeltPlanRow[] };

const AUTOSAVE_DELAY_MS = 1000;

/**
 * 立项 content (name, description, one text per factor) and the three-year plan, saved a moment after typing stops or a
 * box is ticked. Saving never moves focus; a save refused because another window saved first keeps the page as typed.
 * Once submitted, name, description and factors are read-only; the plan stays editable.
 */
export function BeltForm({ beltId, initial, revision: initialRevision, contentLocked }: { beltId: string; initial: TBeltValues; revision: string; contentLocked: boolean }) {
  const id = useId();
  const [values, setValues] = useState<TBeltValues>(initial);
  const [save, setSave] = useState<TSaveState>({ kind: 'idle' });
  const revision = useRef(initialRevision);
  const dirty = useRef(false);
  const latest = useRef(values);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef(false);
  latest.current = values;

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    if (!dirty.current || saving.current) return;
    dirty.current = false;
    saving.current = true;
    setSave({ kind: 'saving' });
    const result = await saveBeltAction({ beltId, revision: revision.current, ...latest.current }).catch(() => null);
    saving.current = false;
    if (!result) {
      dirty.current = true;
      return setSave({ kind: 'error', message: '网络异常，未保存' });
    }
    if (!result.ok) {
      dirty.current = true;
      return setSave(result.code === 'CONFLICT' ? { kind: 'conflict', message: result.message } : { kind: 'error', message: result.message });
    }
    revision.current = result.data.revision;
    setSave({ kind: 'saved', at: result.data.savedAt });
    // Typed while the save was on its way: save that too.
    if (dirty.current) timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [beltId]);

  function change(next: TBeltValues, immediately = false) {
    setValues(next);
    latest.current = next;
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), immediately ? 0 : AUTOSAVE_DELAY_MS);
  }

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const setRow = (index: number, row: Partial<TBeltPlanRow>, immediately = false) =>
    change({ ...values, plan: values.plan.map((candidate, position) => (position === index ? { ...candidate, ...row } : candidate)) }, immediately);

  return (
    <form className="space-y-4" aria-label="示范带立项与三年计划" onSubmit={(event) => event.preventDefault()}>
      <div className="sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-stone-50/95 px-4 py-1 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
        <SaveIndicator state={save} onRetry={() => { dirty.current = true; void flush(); }} />
      </div>
      <Card title="立项内容">
        <div className="space-y-3">
          <Field id={`${id}-name`} label="示范带名称" required hint={contentLocked ? '已提交立项，不能再修改' : undefined}>
            <TextInput id={`${id}-name`} value={values.name} maxLength={BELT_LIMITS.name} readOnly={contentLocked} onChange={(event) => change({ ...values, name: event.target.value })} />
          </Field>
          <Field id={`${id}-description`} label="简介">
            <textarea id={`${id}-description`} className={`${inputClass} min-h-20`} maxLength={BELT_LIMITS.description} readOnly={contentLocked} value={values.description} onChange={(event) => change({ ...values, description: event.target.value })} />
          </Field>
          {Object.entries(values.factors).map(([factor, text], index) => (
            <Field key={factor} id={`${id}-factor-${index}`} label={factor} required>
              <textarea
                id={`${id}-factor-${index}`}
                className={`${inputClass} min-h-16`}
                maxLength={BELT_LIMITS.factor}
                readOnly={contentLocked}
                value={text}
                onChange={(event) => change({ ...values, factors: { ...values.factors, [factor]: event.target.value } })}
              />
            </Field>
          ))}
        </div>
      </Card>
      <Card title="三年计划">
        <ol className="space-y-3">
          {values.plan.map((row, index) => (
            <li key={row.year} className="rounded-md border border-stone-200 p-3">
              <Field id={`${id}-plan-${row.year}`} label={`${row.year}年 年度节点`}>
                <textarea id={`${id}-plan-${row.year}`} className={`${inputClass} min-h-16`} maxLength={BELT_LIMITS.milestones} value={row.milestones} onChange={(event) => setRow(index, { milestones: event.target.value })} />
              </Field>
              <label className="mt-2 flex items-center gap-2 text-sm text-stone-800">
                <input type="checkbox" className="h-4 w-4" checked={row.done} onChange={(event) => setRow(index, { done: event.target.checked }, true)} />
                {row.year}年节点已完成
              </label>
            </li>
          ))}
        </ol>
      </Card>
    </form>
  );
}
