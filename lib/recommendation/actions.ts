'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import type { TNotRecommendInput, TOpinionInput, TRankingInput, TRecommendInput, TReturnEntryInput, TUndoDecisionInput } from '@/lib/recommendation/schema';
import { notRecommendEntry, recommendEntry, returnEntry, saveOpinion, saveRanking, undoDecision } from '@/lib/recommendation/service';

// Each service checks, against the database, that the user acts for the recommending organization and that the
// entry stands at its level; the guard here only turns away people who are not committee staff at all.

async function actor() {
  const user = await requireAnyRole(['COMMITTEE_ADMIN']);
  return { actorId: user.id, ip: await getRequestIp() };
}

function revalidateLevels() {
  revalidatePath('/committee', 'layout');
  revalidatePath('/declare');
}

export async function recommendEntryAction(input: TRecommendInput) {
  return runAction(input, async (input) => {
    const result = await recommendEntry(input, await actor());
    revalidateLevels();
    return result;
  });
}

export async function notRecommendEntryAction(input: TNotRecommendInput) {
  return runAction(input, async (input) => {
    await notRecommendEntry(input, await actor());
    revalidateLevels();
  });
}

export async function undoDecisionAction(input: TUndoDecisionInput) {
  return runAction(input, async (input) => {
    await undoDecision(input, await actor());
    revalidateLevels();
  });
}

export async function saveOpinionAction(input: TOpinionInput) {
  return runAction(input, async (input) => {
    const saved = await saveOpinion(input, await actor());
    return { opinion: saved.opinion, savedAt: saved.updatedAt.toISOString() };
  });
}

export async function returnEntryAction(input: TReturnEntryInput) {
  return runAction(input, async (input) => {
    await returnEntry(input, await actor());
    revalidateLevels();
  });
}

export async function saveRankingAction(input: TRankingInput) {
  return runAction(input, async (input) => {
    const result = await saveRanking(input, await actor());
    revalidateLevels();
    return result;
  });
}
