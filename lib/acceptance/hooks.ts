// Hooks into modules other helpers build at the same time (issue 19): the 创建方案 (plan) and the monthly 台帐 (ledger),
// both lib/cultivation/, not merged yet. Each hook asks the database whether the agreed table exists (to_regclass), so
// this module works before and after they land.
//
// HOOK (issue 19, merge note): the agreed shapes are
//   cultivation_plans(cultivation_id, status)  — a plan is approved when status = 'APPROVED'
//   ledger_months(cultivation_id, month)       — one row per reported (上报) month
//   ledger_entries(cultivation_id)             — one row per 台帐 entry
// When lib/cultivation lands, replace these bodies with its own functions (same signatures).
import type { TTx } from '@/lib/db';

async function tableExists(tx: TTx, table: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: boolean }[]>`SELECT to_regclass(${`public.${table}`}) IS NOT NULL AS found`;
  return rows[0]?.found ?? false;
}

/**
 * Whether the cultivation's 创建方案 has been approved by its committee. Until the plan module exists (no
 * cultivation_plans table) every cultivation counts as having one.
 */
export async function hasApprovedPlan(tx: TTx, cultivationId: string): Promise<boolean> {
  if (!(await tableExists(tx, 'cultivation_plans'))) return true;
  const rows = await tx.$queryRawUnsafe<{ found: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM cultivation_plans WHERE cultivation_id = $1 AND status::text = 'APPROVED') AS found`,
    cultivationId,
  );
  return rows[0]?.found ?? false;
}

export type TLedgerSummary = { monthsReported: number; entries: number };

/** The 台帐 summary attached to an acceptance request: months reported and entries kept (zeros before the module). */
export async function ledgerSummary(tx: TTx, cultivationId: string): Promise<TLedgerSummary> {
  const months = await tableExists(tx, 'ledger_months');
  const entries = await tableExists(tx, 'ledger_entries');
  const count = async (table: string) => {
    const rows = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE cultivation_id = $1`, cultivationId);
    return rows[0]?.n ?? 0;
  };
  return { monthsReported: months ? await count('ledger_months') : 0, entries: entries ? await count('ledger_entries') : 0 };
}
