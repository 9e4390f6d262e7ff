// What an acceptance request needs from the 培育创建 records of lib/cultivation: an approved 创建方案, and the 台帐
// summary attached to the request (months reported, entries kept — a corrected entry counts once, as its correction).
import type { TTx } from '@/lib/db';

/** Whether the cultivation's 创建方案 has been approved by its committee. */
export async function hasApprovedPlan(tx: TTx, cultivationId: string): Promise<boolean> {
  const plan = await tx.cultivationPlan.findUnique({ where: { cultivationId }, select: { status: true } });
  return plan?.status === 'APPROVED';
}

export type TLedgerSummary = { monthsReported: number; entries: number };

/** The 台帐 summary attached to an acceptance request. */
export async function ledgerSummary(tx: TTx, cultivationId: string): Promise<TLedgerSummary> {
  const monthsReported = await tx.ledgerReport.count({ where: { cultivationId } });
  const entries = await tx.ledgerEntry.count({ where: { cultivationId, correctedBy: null } });
  return { monthsReported, entries };
}
