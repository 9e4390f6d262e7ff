'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import type { TAcceptObjectionInput, TAnswerObjectionInput, TDeclineObjectionInput, TInvestigateObjectionInput, TNoteObjectionInput } from '@/lib/objections/schema';
import { acceptObjection, answerObjection, declineObjection, investigateObjection, noteObjection } from '@/lib/objections/service';

// The services check, inside their transaction, that the actor is ORG_ADMIN over the campaign's owner; this guard only
// turns away people without the role at all.
async function admin() {
  const user = await requireAnyRole(['ORG_ADMIN']);
  return { actorId: user.id, ip: await getRequestIp() };
}

type TStepResult = { campaignId: string; trackingCode: string; status: string };

async function step<I>(input: I, run: (input: I, context: Awaited<ReturnType<typeof admin>>) => Promise<TStepResult>) {
  return runAction(input, async (input) => {
    const result = await run(input, await admin());
    revalidatePath(`/admin/campaigns/${result.campaignId}`, 'layout');
    revalidatePath(`/campaigns/${result.campaignId}/publicity`);
    revalidatePath(`/objections/${result.trackingCode}`);
    return { status: result.status };
  });
}

export async function acceptObjectionAction(input: TAcceptObjectionInput) {
  return step(input, acceptObjection);
}

export async function investigateObjectionAction(input: TInvestigateObjectionInput) {
  return step(input, investigateObjection);
}

export async function noteObjectionAction(input: TNoteObjectionInput) {
  return step(input, noteObjection);
}

export async function answerObjectionAction(input: TAnswerObjectionInput) {
  return step(input, answerObjection);
}

export async function declineObjectionAction(input: TDeclineObjectionInput) {
  return step(input, declineObjection);
}
