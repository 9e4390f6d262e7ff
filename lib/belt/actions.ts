'use server';

import { revalidatePath } from 'next/cache';
import { revalidateDemo as revalidatePublicDemo } from '@/lib/demo-public/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { closeImprovementItem, createImprovementItem } from '@/lib/belt/improvement-service';
import type { TBeltSiteInput, TCloseImprovementInput, TCreateBeltInput, TCreateImprovementInput, TDecideBeltInput, TMoveBeltSiteInput, TSaveBeltInput } from '@/lib/belt/schema';
import { addBeltSite, createBelt, decideBelt, moveBeltSite, removeBeltSite, saveBelt, submitBelt } from '@/lib/belt/service';

// The guard lets committee and organization-department staff through; the services check against the database that
// the user manages this belt (a grant over its owner organization) or decides its 立项 (ORG_ADMIN over the program).

async function staff() {
  const user = await requireAnyRole(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  return { actorId: user.id, ip: await getRequestIp() };
}

// Staff pages, and the public belt pages (an approved belt, its route and plan).
const refresh = () => {
  revalidatePath('/admin/demo/belts', 'layout');
  revalidatePublicDemo();
};

export async function createBeltAction(input: TCreateBeltInput) {
  return runAction(input, async (input) => {
    const result = await createBelt(input, await staff());
    refresh();
    return result;
  });
}

/** Autosave: no revalidation (the form keeps what was typed; focus never moves). */
export async function saveBeltAction(input: TSaveBeltInput) {
  return runAction(input, async (input) => saveBelt(input, await staff()));
}

export async function addBeltSiteAction(input: TBeltSiteInput) {
  return runAction(input, async (input) => {
    const result = await addBeltSite(input, await staff());
    refresh();
    return result;
  });
}

export async function removeBeltSiteAction(input: TBeltSiteInput) {
  return runAction(input, async (input) => {
    const result = await removeBeltSite(input, await staff());
    refresh();
    return result;
  });
}

export async function moveBeltSiteAction(input: TMoveBeltSiteInput) {
  return runAction(input, async (input) => {
    const result = await moveBeltSite(input, await staff());
    refresh();
    return result;
  });
}

export async function submitBeltAction(input: { beltId: string }) {
  return runAction(input, async (input) => {
    const result = await submitBelt(input, await staff());
    refresh();
    return result;
  });
}

export async function decideBeltAction(input: TDecideBeltInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await decideBelt(input, { actorId: user.id, ip: await getRequestIp() });
    refresh();
    return result;
  });
}

export async function createImprovementItemAction(input: TCreateImprovementInput) {
  return runAction(input, async (input) => {
    const result = await createImprovementItem(input, await staff());
    refresh();
    return result;
  });
}

export async function closeImprovementItemAction(input: TCloseImprovementInput) {
  return runAction(input, async (input) => {
    const result = await closeImprovementItem(input, await staff());
    refresh();
    return result;
  });
}
