import type { TStageStatus } from '@/lib/campaign/stages';

/** The dot of a stage on a timeline, by its status. */
export const STAGE_DOT: Record<TStageStatus, string> = {
  open: 'border-brand-700 bg-brand-700',
  closed: 'border-stone-400 bg-stone-400',
  upcoming: 'border-stone-400 bg-white',
  disabled: 'border-stone-300 bg-stone-100',
};

/** The status chip beside a stage's name. */
export const STAGE_CHIP: Record<TStageStatus, string> = {
  open: 'bg-green-100 text-green-800',
  closed: 'bg-stone-200 text-stone-700',
  upcoming: 'bg-sky-100 text-sky-800',
  disabled: 'bg-stone-100 text-stone-600',
};
