'use client';

import { useFormContext } from 'react-hook-form';
import { LockIcon } from '@/components/campaign/lock-notice';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { TCampaignSetupInput } from '@/lib/campaign/schema';
import { layOutStages } from '@/lib/campaign/setup-values';
import { STAGE_STATUS_LABELS, type TStageStatus } from '@/lib/campaign/stages';
import { PROGRAM_OPTIONAL_STAGES, STAGE_LABELS } from '@/lib/campaign/templates';
import { fromDateTimeLocal } from '@/lib/format';
import { idOf, ListError, useErrorOf } from './controls';
import type { TStepProps } from './step-props';

function TimeInput({ index, which, label, isReadOnly }: { index: number; which: 'startsAt' | 'endsAt'; label: string; isReadOnly: boolean }) {
  const { register, watch } = useFormContext<TCampaignSetupInput>();
  const kind = watch(`stages.${index}.kind`);
  const name = `stages.${index}.${which}` as const;
  const error = useErrorOf(name);
  const id = idOf(name);
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-stone-700">
        <span className="sr-only">{STAGE_LABELS[kind]}</span>
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        readOnly={isReadOnly}
        className={`${inputClass} ${isReadOnly ? 'bg-stone-100 text-stone-600' : ''}`}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register(name)}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function StageRow({ index, status }: { index: number; status?: TStageStatus }) {
  const { register, watch } = useFormContext<TCampaignSetupInput>();
  const kind = watch(`stages.${index}.kind`);
  const program = watch('program');
  const isEnabled = watch(`stages.${index}.isEnabled`);
  const hasStarted = status === 'open' || status === 'closed';
  const enabledError = useErrorOf(`stages.${index}.isEnabled`);
  return (
    <li className={`rounded-md border p-3 ${isEnabled ? 'border-stone-200 bg-white' : 'border-dashed border-stone-300 bg-stone-50'}`}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="font-medium text-stone-900">
          {index + 1}. {STAGE_LABELS[kind]}
        </span>
        {status && status !== 'disabled' && <Badge tone={status === 'open' ? 'brand' : 'muted'}>{STAGE_STATUS_LABELS[status]}</Badge>}
        {PROGRAM_OPTIONAL_STAGES[program].includes(kind) && !hasStarted && (
          <label className="ml-auto flex items-center gap-1.5 text-sm text-stone-700">
            <input type="checkbox" className="size-4 accent-brand-700" {...register(`stages.${index}.isEnabled`)} />
            启用
          </label>
        )}
      </div>
      {enabledError && <p role="alert" className="mb-2 text-sm text-red-700">{enabledError}</p>}
      {hasStarted && (
        <p className="mb-2 flex items-center gap-1 text-xs text-amber-800">
          <LockIcon className="size-3" />
          {status === 'open' ? '阶段已开始，开始时间不能再修改' : '阶段已结束，起止时间不能再修改'}
        </p>
      )}
      <div className={`flex flex-col gap-3 sm:flex-row ${isEnabled ? '' : 'opacity-60'}`}>
        <TimeInput index={index} which="startsAt" label="开始时间" isReadOnly={hasStarted} />
        <TimeInput index={index} which="endsAt" label="结束时间" isReadOnly={status === 'closed'} />
      </div>
    </li>
  );
}

export function StepStages({ locks }: TStepProps) {
  const { getValues, setValue, watch } = useFormContext<TCampaignSetupInput>();
  const stages = watch('stages');
  const program = watch('program');
  const hasAnyStarted = Object.values(locks.stages).some((status) => status === 'open' || status === 'closed');

  function layOut() {
    const stages = getValues('stages');
    const start = fromDateTimeLocal(stages[0].startsAt);
    if (Number.isNaN(start.getTime())) return;
    setValue('stages', layOutStages(stages, start), { shouldDirty: true, shouldValidate: true });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-600">
          时间均为北京时间。各阶段依次进行，后一阶段不能早于前一阶段结束；
          {program === 'CREATION' ? '宣传推广可不启用。' : '公示、网络投票、实地核验可不启用；培育创建、验收认定、宣传推广在通报表扬后按需启用。'}
        </p>
        {!hasAnyStarted && (
          <Button variant="secondary" onClick={layOut}>
            从申报开始时间按默认时长顺排
          </Button>
        )}
      </div>
      <ListError name="stages" />
      <ol className="space-y-2">
        {stages.map((stage, index) => (
          <StageRow key={stage.kind} index={index} status={locks.stages[stage.kind]} />
        ))}
      </ol>
    </div>
  );
}
