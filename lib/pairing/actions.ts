'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { addPairingActivity, createPairing, reviewPairing, setLagging } from '@/lib/pairing/service';
import type { TLaggingInput, TPairingActivityInput, TPairingInput, TPairingReviewInput } from '@/lib/pairing/schema';

// The services check against the database which committee (staff of it or above) or which side (the secretary of the
// brand organization or of the partner branch) the user is for the organization or pairing named.

async function actor(roles: Parameters<typeof requireAnyRole>[0]) {
  const user = await requireAnyRole(roles);
  return { actorId: user.id, ip: await getRequestIp() };
}

export async function setLaggingAction(input: TLaggingInput) {
  return runAction(input, async (input) => {
    const result = await setLagging(input, await actor(['COMMITTEE_ADMIN', 'ORG_ADMIN']));
    revalidatePath('/pairings', 'layout');
    return result;
  });
}

export async function createPairingAction(input: TPairingInput) {
  return runAction(input, async (input) => {
    const result = await createPairing(input, await actor(['COMMITTEE_ADMIN', 'ORG_ADMIN']));
    revalidatePath('/pairings', 'layout');
    return result;
  });
}

export async function addPairingActivityAction(input: TPairingActivityInput) {
  return runAction(input, async (input) => {
    const result = await addPairingActivity(input, await actor(['BRANCH_SECRETARY']));
    revalidatePath('/pairings', 'layout');
    revalidatePath('/cultivation', 'layout');
    return result;
  });
}

export async function reviewPairingAction(input: TPairingReviewInput) {
  return runAction(input, async (input) => {
    const result = await reviewPairing(input, await actor(['COMMITTEE_ADMIN', 'ORG_ADMIN']));
    revalidatePath('/pairings', 'layout');
    return result;
  });
}
