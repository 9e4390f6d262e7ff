// What objections do to the entries of a 公示, worked out in one place for finalising (lib/publicity/service.ts), the
// staff 公示 page (lib/publicity/queries.ts) and the staff objection list (lib/objections/queries.ts).
import { db, type TTx } from '@/lib/db';
import { OPEN_OBJECTION_STATUSES } from '@/lib/objections/status';

/** One entry's objections: how many are open and closed, and whether one was answered 异议成立. */
export type TEntryObjections = { applicationId: string; open: number; closed: number; upheld: boolean };

/** An entry is on hold (暂缓表彰) while an objection is open, and withheld from the 表彰决定 once one is upheld. */
export const isOnHold = (entry: TEntryObjections) => entry.open > 0 || entry.upheld;

/** Every entry of the campaign with at least one objection; inside a transaction, pass its client. */
export async function objectionsByEntry(campaignId: string, client: TTx = db): Promise<Map<string, TEntryObjections>> {
  const rows = await client.objection.groupBy({ by: ['applicationId', 'status', 'outcome'], where: { campaignId }, _count: { _all: true } });
  const byEntry = new Map<string, TEntryObjections>();
  for (const row of rows) {
    const entry = byEntry.get(row.applicationId) ?? { applicationId: row.applicationId, open: 0, closed: 0, upheld: false };
    if (OPEN_OBJECTION_STATUSES.includes(row.status)) entry.open += row._count._all;
    else entry.closed += row._count._all;
    if (row.outcome === 'UPHELD') entry.upheld = true;
    byEntry.set(row.applicationId, entry);
  }
  return byEntry;
}
