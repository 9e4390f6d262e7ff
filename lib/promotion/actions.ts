'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { PROMOTION_STAFF } from '@/lib/promotion/access';
import { createBrochure, createPromotionEvent, createPromotionSchedule, saveContestSheet, setContest } from '@/lib/promotion/service';
import type { TContestSheetInput, TCreateBrochureInput, TCreateEventInput, TCreateScheduleInput, TSetContestInput } from '@/lib/promotion/schema';

// The services check the owner's subtree (staff) or the panel (judges) against the database; the guards here only
// turn away people without such a role at all.

async function as(roles: Parameters<typeof requireAnyRole>[0]) {
  const user = await requireAnyRole(roles);
  return { actorId: user.id, ip: await getRequestIp() };
}

export async function createPromotionEventAction(input: TCreateEventInput) {
  return runAction(input, async (input) => {
    const result = await createPromotionEvent(input, await as(PROMOTION_STAFF));
    revalidatePath('/promotion', 'layout');
    return result;
  });
}

export async function createPromotionScheduleAction(input: TCreateScheduleInput) {
  return runAction(input, async (input) => {
    const result = await createPromotionSchedule(input, await as(PROMOTION_STAFF));
    revalidatePath('/promotion', 'layout');
    return result;
  });
}

export async function setContestAction(input: TSetContestInput) {
  return runAction(input, async (input) => {
    const result = await setContest(input, await as(PROMOTION_STAFF));
    revalidatePath('/promotion', 'layout');
    return result;
  });
}

/** Judges are experts or staff: the service checks the panel. */
export async function saveContestSheetAction(input: TContestSheetInput) {
  return runAction(input, async (input) => {
    const result = await saveContestSheet(input, await as(['EXPERT', ...PROMOTION_STAFF]));
    revalidatePath('/promotion', 'layout');
    return result;
  });
}

export async function createBrochureAction(input: TCreateBrochureInput) {
  return runAction(input, async (input) => {
    const result = await createBrochure(input, await as(PROMOTION_STAFF));
    revalidatePath('/promotion/brochures');
    return result;
  });
}
