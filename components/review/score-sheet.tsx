'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { SaveIndicator, type TSaveState } from '@/components/application/save-indicator';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/field';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { saveScoresAction, submitSheetAction } from '@/lib/review/actions';
import { commentThreshold, submitErrorSummary, submitScoreErrors } from '@/lib/review/schema';

export type TSheetCriterion = { id: string; name: string; maxPoints: number; guidance: string; selfAssessment: string; points: number | null; comment: string };

type TProps = { assignmentId: string; criteria: TSheetCriterion[]; commentBelowPercent: number; isEditable: boolean };

type TProblemPath = `scores.${number}.points` | `scores.${number}.comment`;

type TForm = { scores: { criterionId: string; points: string; comment: string }[] };

const toPoints = (value: string): number | null => (value.trim() === '' || Number.isNaN(Number(value)) ? null : Number(value));
const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** One expert's sheet: a score and, where it is low, a comment per criterion; autosaved, then submitted once. */
export function ScoreSheet({ assignmentId, criteria, commentBelowPercent, isEditable }: TProps) {
  const router = useRouter();
  const [initial] = useState(() => criteria.map((criterion) => ({ criterionId: criterion.id, points: criterion.points === null ? '' : format(criterion.points), comment: criterion.comment })));
  const { register, control, getValues, setValue, setError, clearErrors, setFocus, formState } = useForm<TForm>({ defaultValues: { scores: initial } });
  const formId = useTypedBeforeHydration(setValue);
  const scores = useWatch({ control, name: 'scores' });
  const [save, setSave] = useState<TSaveState>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const lastSaved = useRef(JSON.stringify(getValues('scores')));
  const submitTried = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  /**
   * Once the expert has tried to submit, the submit rule's problems stay on screen and follow the values as they are
   * fixed; before that, a successful save clears what an earlier save reported. Never moves focus.
   */
  const showProblems = useCallback((): TProblemPath[] => {
    clearErrors();
    if (!submitTried.current) {
      setMessage(null);
      return [];
    }
    const problems = submitScoreErrors(
      criteria,
      commentBelowPercent,
      getValues('scores').map((row) => ({ points: toPoints(row.points), comment: row.comment })),
    );
    const paths = Object.keys(problems) as TProblemPath[];
    for (const path of paths) setError(path, { message: problems[path] });
    setMessage(paths.length ? submitErrorSummary(paths.length) : null);
    return paths;
  }, [clearErrors, commentBelowPercent, criteria, getValues, setError]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    const current = getValues('scores');
    const serialized = JSON.stringify(current);
    if (serialized === lastSaved.current) return true;
    setSave({ kind: 'saving' });
    const result = await saveScoresAction({ assignmentId, scores: current.map((row) => ({ criterionId: row.criterionId, points: toPoints(row.points), comment: row.comment })) }).catch(() => null);
    if (result?.ok) {
      lastSaved.current = serialized;
      showProblems();
      setSave({ kind: 'saved', at: new Date(result.data.savedAt).toISOString() });
      return true;
    }
    for (const [path, text] of Object.entries(result?.fieldErrors ?? {})) setError(path as `scores.${number}.points`, { message: text });
    setSave({ kind: 'error', message: result?.message ?? '网络异常，评分未保存' });
    return false;
  }, [assignmentId, getValues, setError, showProblems]);

  useEffect(() => {
    if (submitTried.current) showProblems();
  }, [scores, showProblems]);

  useEffect(() => {
    if (!isEditable) return;
    if (JSON.stringify(scores) === lastSaved.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 800);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [scores, flush, isEditable]);

  const total = scores.reduce((sum, row) => sum + (toPoints(row.points) ?? 0), 0);
  const max = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  const scored = scores.filter((row) => toPoints(row.points) !== null).length;

  /** The server's submit rule, checked before the confirmation opens: a missing score or comment is shown at once. */
  function openConfirmation() {
    submitTried.current = true;
    const problems = showProblems();
    if (problems.length === 0) setConfirming(true);
    else setFocus(problems[0]);
  }

  async function submit() {
    setSubmitting(true);
    setMessage(null);
    const saved = await flush();
    const result = saved ? await submitSheetAction({ assignmentId }).catch(() => null) : null;
    setSubmitting(false);
    setConfirming(false);
    if (result?.ok) {
      router.refresh();
      return;
    }
    for (const [path, text] of Object.entries(result?.fieldErrors ?? {})) setError(path as `scores.${number}.points`, { message: text });
    setMessage(result?.message ?? (saved ? '网络异常，评分表未提交' : '评分未能保存，请检查后再提交'));
  }

  return (
    <form id={formId} onSubmit={(event) => event.preventDefault()} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <ol className="space-y-3">
        {criteria.map((criterion, index) => {
          const points = toPoints(scores[index]?.points ?? '');
          const needsComment = points !== null && points < commentThreshold(criterion.maxPoints, commentBelowPercent);
          const pointsError = formState.errors.scores?.[index]?.points?.message;
          const commentError = formState.errors.scores?.[index]?.comment?.message;
          const id = `score-${criterion.id}`;
          return (
            <li key={criterion.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <h3 className="text-base font-semibold text-stone-900">
                    {index + 1}. {criterion.name}
                  </h3>
                  <p className="text-xs text-stone-500">满分 {criterion.maxPoints} 分</p>
                </div>
                <div className="flex shrink-0 items-center gap-1">
                  <label htmlFor={id} className="sr-only">
                    {criterion.name} 得分
                  </label>
                  <input
                    id={id}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={criterion.maxPoints}
                    step={0.1}
                    readOnly={!isEditable}
                    aria-invalid={!!pointsError || undefined}
                    aria-describedby={`${id}-note`}
                    className={`${inputClass} w-20 text-center text-lg font-semibold tabular-nums`}
                    defaultValue={initial[index].points}
                    {...register(`scores.${index}.points`)}
                  />
                  <span className="text-sm text-stone-500">分</span>
                </div>
              </div>
              {criterion.guidance && <p className="mt-2 whitespace-pre-wrap rounded bg-stone-50 px-3 py-2 text-sm leading-relaxed text-stone-700">{criterion.guidance}</p>}
              <p id={`${id}-note`} role={pointsError ? 'alert' : undefined} className={`mt-1 text-xs ${pointsError ? 'text-red-700' : 'text-stone-500'}`}>
                {pointsError ?? `0 至 ${criterion.maxPoints} 分，可保留一位小数`}
              </p>
              <div className="mt-3 border-l-4 border-brand-100 py-1 pl-3">
                <p className="text-xs font-medium text-stone-500">申报单位自评</p>
                <p className="whitespace-pre-wrap break-words text-sm leading-relaxed text-stone-900">{criterion.selfAssessment || <span className="text-stone-500">未填写</span>}</p>
              </div>
              <div className="mt-3 space-y-1">
                <label htmlFor={`${id}-comment`} className="text-sm font-medium text-stone-700">
                  评语{needsComment && <span className="text-red-700">（低于满分的 {commentBelowPercent}%，必填）</span>}
                </label>
                <textarea
                  id={`${id}-comment`}
                  rows={2}
                  maxLength={500}
                  readOnly={!isEditable}
                  aria-invalid={!!commentError || undefined}
                  placeholder={isEditable ? '可写明扣分原因或亮点' : ''}
                  className={inputClass}
                  defaultValue={initial[index].comment}
                  {...register(`scores.${index}.comment`)}
                />
                {commentError && (
                  <p role="alert" className="text-xs text-red-700">
                    {commentError}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
        <div>
          <p className="text-base font-semibold tabular-nums text-stone-900" aria-live="polite">
            合计 {format(total)} / {max} 分
          </p>
          <p className="text-xs text-stone-500">
            已评 {scored} / {criteria.length} 项
          </p>
        </div>
        {isEditable && (
          <div className="flex items-center gap-3">
            <SaveIndicator state={save} onRetry={() => void flush()} />
            <Button onClick={openConfirmation} disabled={submitting}>
              提交评分
            </Button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="提交评分表？"
        confirmLabel="确认提交"
        tone="primary"
        isLoading={submitting}
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          合计 {format(total)} / {max} 分。提交后不能再修改；如需更正，请联系组织部重新开放。
        </p>
      </ConfirmDialog>
    </form>
  );
}
