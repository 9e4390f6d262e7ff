import { MONTH_STATUS_LABELS, type TMonthStatus } from '@/lib/cultivation/ledger-schedule';

/** Green on time, amber late, red missing, grey not yet due — with the word, never colour alone. */
export const MONTH_STATUS_CLASSES: Record<TMonthStatus, string> = {
  'on-time': 'bg-green-100 text-green-900 ring-green-300',
  late: 'bg-amber-100 text-amber-900 ring-amber-300',
  missing: 'bg-red-100 text-red-900 ring-red-300',
  'not-due': 'bg-stone-100 text-stone-700 ring-stone-300',
};

export function MonthStatusBadge({ status }: { status: TMonthStatus }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${MONTH_STATUS_CLASSES[status]}`}>{MONTH_STATUS_LABELS[status]}</span>;
}
