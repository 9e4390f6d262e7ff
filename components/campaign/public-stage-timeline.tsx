import { sortStages, stageStatus, STAGE_STATUS_LABELS, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';
import { formatDate } from '@/lib/format';

const DOT: Record<TStageStatus, string> = {
  open: 'border-brand-700 bg-brand-700 ring-4 ring-brand-100',
  closed: 'border-stone-400 bg-stone-400',
  upcoming: 'border-stone-400 bg-white',
  disabled: 'border-stone-300 bg-stone-100',
};

const CHIP: Record<TStageStatus, string> = {
  open: 'bg-green-100 text-green-800',
  closed: 'bg-stone-200 text-stone-700',
  upcoming: 'bg-sky-100 text-sky-800',
  disabled: 'bg-stone-100 text-stone-600',
};

/** The last day a stage is open: a stage ending at 00:00 ends with the day before. */
const lastDay = (endsAt: Date) => new Date(endsAt.getTime() - 1);

/** The enabled stages in order with their dates (Beijing time) and, by database time, which one runs now. */
export function PublicStageTimeline({ stages, now }: { stages: readonly TStageWindow[]; now: Date }) {
  const enabled = sortStages(stages).filter((stage) => stage.isEnabled);
  return (
    <ol className="space-y-0">
      {enabled.map((stage, index) => {
        const status = stageStatus(stage, now);
        return (
          <li key={stage.kind} className="relative pb-5 pl-8 last:pb-0" aria-current={status === 'open' ? 'step' : undefined}>
            {index < enabled.length - 1 && <span className="absolute bottom-0 left-[6px] top-5 w-0.5 bg-stone-200" aria-hidden />}
            <span className={`absolute left-0 top-1.5 size-3.5 rounded-full border-2 ${DOT[status]}`} aria-hidden />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 className={`font-medium ${status === 'open' ? 'text-brand-800' : 'text-stone-900'}`}>{STAGE_LABELS[stage.kind]}</h3>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${CHIP[status]}`}>{status === 'open' ? '当前阶段 · 进行中' : STAGE_STATUS_LABELS[status]}</span>
            </div>
            <p className="mt-0.5 text-sm text-stone-600">
              {formatDate(stage.startsAt)} 至 {formatDate(lastDay(stage.endsAt))}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
