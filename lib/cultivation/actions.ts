'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { addLedgerEntry, correctLedgerEntry, deleteLedgerEntry, reportLedgerMonth } from '@/lib/cultivation/ledger-service';
import type { TLedgerCorrectionInput, TLedgerEntryInput, TReportMonthInput } from '@/lib/cultivation/ledger-schema';
import { decidePlan, savePlanDraft, submitPlan } from '@/lib/cultivation/plan-service';
import type { TPlanDecisionInput, TPlanDraftInput } from '@/lib/cultivation/plan-schema';

// The services check against the database that the user keeps (branch secretary of the brand's organization) or
// oversees (a committee or organization department above it) this cultivation, and the 创建期 by database time.

async function keeper() {
  const user = await requireAnyRole(['BRANCH_SECRETARY']);
  return { actorId: user.id, ip: await getRequestIp() };
}

export async function savePlanDraftAction(input: TPlanDraftInput) {
  return runAction(input, async (input) => savePlanDraft(input, await keeper()));
}

export async function submitPlanAction(input: { cultivationId: string }) {
  return runAction(input, async (input) => {
    const result = await submitPlan(input, await keeper());
    revalidatePath('/cultivation', 'layout');
    return result;
  });
}

export async function decidePlanAction(input: TPlanDecisionInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
    const result = await decidePlan(input, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath('/cultivation', 'layout');
    return result;
  });
}

export async function addLedgerEntryAction(input: TLedgerEntryInput) {
  return runAction(input, async (input) => {
    const result = await addLedgerEntry(input, await keeper());
    revalidatePath('/cultivation', 'layout');
    return result;
  });
}

export async function deleteLedgerEntryAction(input: { entryId: string }) {
  return runAction(input, async (input) => {
    const result = await deleteLedgerEntry(input, await keeper());
    revalidatePath('/cultivation', 'layout');
    return result;
  });
}

export async function correctLedgerEntryAction(input: TLedgerCorrectionInput) {
  return runAction(input, async (input) => {
    const result = await correctLedgerEntry(input, await keeper());
    revalidatePath('/cultivation', 'layout');
    return result;
  });
}

export async function reportLedgerMonthAction(input: TReportMonthInput) {
  return runAction(input, async (input) => {
    const result = await reportLedgerMonth(input, await keeper());
    revalidatePath('/cultivation', 'layout');
    return result;
  });
}
