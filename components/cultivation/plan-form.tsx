'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { SaveIndicator, type TSaveState } from '@/components/application/save-indicator';
import { TaskSchedule } from '@/components/cultivation/task-schedule';
import { savePlanDraftAction, submitPlanAction } from '@/lib/cultivation/actions';
import { PLAN_LIMITS, type TPlanTask } from '@/lib/cultivation/plan-schema';

type TPlanValues = { goals: string; measures: string; tasks: TPlanTask[] };

const AUTOSAVE_DELAY_MS = 1200;

/**
 * The 创建方案 as one form, saved automatically a moment after typing stops (never moving focus); a refused save keeps
 * everything typed on the page and says why. 提交 saves first, then moves focus to the first missing part.
 */
export function PlanForm({ cultivationId, initial, revision: initialRevision, today, minDay, maxDay }: { cultivationId: string; initial: TPlanValues; revision: number; today: string; minDay?: string; maxDay?: string }) {
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState<TPlanValues>(initial);
  const [save, setSave] = useState<TSaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const revision = useRef(initialRevision);
  const dirty = useRef(false);
  const latest = useRef(values);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = values;

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    if (!dirty.current) return true;
    dirty.current = false;
    setSave({ kind: 'saving' });
    const result = await savePlanDraftAction({ cultivationId, revision: revision.current, ...latest.current }).catch(() => null);
    if (!result) {
      dirty.current = true;
      setSave({ kind: 'error', message: '网络异常，未保存' });
      return false;
    }
    if (!result.ok) {
      dirty.current = true;
      setSave(result.code === 'CONFLICT' ? { kind: 'conflict', message: result.message } : { kind: 'error', message: result.message });
      return false;
    }
    revision.current = result.data.revision;
    setSave({ kind: 'saved', at: new Date(result.data.updatedAt).toISOString() });
    return true;
  }, [cultivationId]);

  function change(next: TPlanValues) {
    setValues(next);
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const setTask = (index: number, key: keyof TPlanTask, value: string) =>
    change({ ...values, tasks: values.tasks.map((task, position) => (position === index ? { ...task, [key]: value } : task)) });

  async function submit() {
    setIsSubmitting(true);
    setSubmitError(null);
    const saved = await flush();
    if (!saved) {
      setIsSubmitting(false);
      setSubmitError('内容尚未保存，请先处理保存提示');
      return;
    }
    const result = await submitPlanAction({ cultivationId }).catch(() => null);
    setIsSubmitting(false);
    if (!result) return setSubmitError('网络异常，提交未完成，请重试');
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setSubmitError(result.message);
      const first = Object.keys(result.fieldErrors ?? {})[0];
      if (first) document.getElementById(`${id}-${first.replaceAll('.', '-')}`)?.focus();
      return;
    }
    router.refresh();
  }

  return (
    <form className="space-y-4" aria-label="创建方案" onSubmit={(event) => event.preventDefault()}>
      <div className="sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-stone-50/95 px-4 py-1 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
        <SaveIndicator state={save} onRetry={() => { dirty.current = true; void flush(); }} />
      </div>
      <Card title="创建目标">
        <Field id={`${id}-goals`} label="创建目标" required error={errors.goals}>
          <textarea id={`${id}-goals`} className={`${inputClass} min-h-32`} maxLength={PLAN_LIMITS.goals} value={values.goals} onChange={(event) => change({ ...values, goals: event.target.value })} aria-invalid={!!errors.goals || undefined} />
        </Field>
      </Card>
      <Card title="主要措施">
        <Field id={`${id}-measures`} label="主要措施" required error={errors.measures}>
          <textarea id={`${id}-measures`} className={`${inputClass} min-h-32`} maxLength={PLAN_LIMITS.measures} value={values.measures} onChange={(event) => change({ ...values, measures: event.target.value })} aria-invalid={!!errors.measures || undefined} />
        </Field>
      </Card>
      <Card title="任务与时间节点">
        {errors.tasks && <p id={`${id}-tasks`} tabIndex={-1} role="alert" className="mb-2 text-sm text-red-700">{errors.tasks}</p>}
        <ol className="space-y-3">
          {values.tasks.map((task, index) => (
            <li key={index} className="grid gap-2 rounded-md border border-stone-200 p-3 sm:grid-cols-[1fr_10rem_8rem_auto] sm:items-end">
              <Field id={`${id}-tasks-${index}-title`} label={`任务 ${index + 1}`} error={errors[`tasks.${index}.title`]}>
                <TextInput id={`${id}-tasks-${index}-title`} value={task.title} maxLength={PLAN_LIMITS.title} onChange={(event) => setTask(index, 'title', event.target.value)} invalid={!!errors[`tasks.${index}.title`]} />
              </Field>
              <Field id={`${id}-tasks-${index}-dueOn`} label="时间节点" error={errors[`tasks.${index}.dueOn`]}>
                <TextInput id={`${id}-tasks-${index}-dueOn`} type="date" min={minDay} max={maxDay} value={task.dueOn} onChange={(event) => setTask(index, 'dueOn', event.target.value)} invalid={!!errors[`tasks.${index}.dueOn`]} />
              </Field>
              <Field id={`${id}-tasks-${index}-responsible`} label="责任人" error={errors[`tasks.${index}.responsible`]}>
                <TextInput id={`${id}-tasks-${index}-responsible`} value={task.responsible} maxLength={PLAN_LIMITS.responsible} onChange={(event) => setTask(index, 'responsible', event.target.value)} invalid={!!errors[`tasks.${index}.responsible`]} />
              </Field>
              <Button variant="ghost" className="text-red-700" aria-label={`删除任务 ${index + 1}`} onClick={() => change({ ...values, tasks: values.tasks.filter((_, position) => position !== index) })}>
                删除
              </Button>
            </li>
          ))}
        </ol>
        {values.tasks.length < PLAN_LIMITS.tasks && (
          <Button variant="secondary" className="mt-3" onClick={() => change({ ...values, tasks: [...values.tasks, { title: '', dueOn: '', responsible: '' }] })}>
            添加任务
          </Button>
        )}
      </Card>
      <Card title="倒排工期">
        <TaskSchedule tasks={values.tasks} today={today} />
      </Card>
      {submitError && <Alert tone="error">{submitError}</Alert>}
      <Button onClick={() => void submit()} isLoading={isSubmitting} className="w-full sm:w-auto">
        提交创建方案
      </Button>
    </form>
  );
}
