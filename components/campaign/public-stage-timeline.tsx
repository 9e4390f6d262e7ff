import { sortStages, stageStatus, STAGE_STATUS_LABELS, type TStageWindow } from '@/lib/campaign/stages';
import { STAGE_LABELS } from '@/lib/campaign/templates';
import { formatDate } from '@/lib/format';
import { STAGE_CHIP, STAGE_DOT } from '@/components/campaign/stage-styles';

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
            <span className={`absolute left-0 top-1.5 size-3.5 rounded-full border-2 ${STAGE_DOT[status]} ${status === 'open' ? 'ring-4 ring-brand-100' : ''}`} aria-hidden />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 className={`font-medium ${status === 'open' ? 'text-brand-800' : 'text-stone-900'}`}>{STAGE_LABELS[stage.kind]}</h3>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STAGE_CHIP[status]}`}>{status === 'open' ? '当前阶段 · 进行中' : STAGE_STATUS_LABELS[status]}</span>
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
