'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { revalidateGallery } from '@/lib/gallery/cache';
import { revalidateDemo as revalidatePublicDemo } from '@/lib/demo-public/cache';
import { assessDemoSite } from '@/lib/demo-site/assessment-service';
import { createDemoProgram, updateDemoProgram } from '@/lib/demo-site/program-service';
import { addDemoSitePhotos, createDemoSite, removeDemoSitePhoto, revokeDemoSite, updateDemoSite } from '@/lib/demo-site/site-service';
import type {
  TAssessSiteInput,
  TCreateProgramInput,
  TCreateSiteInput,
  TRemoveSitePhotoInput,
  TRevokeSiteInput,
  TSitePhotosInput,
  TUpdateProgramInput,
  TUpdateSiteInput,
} from '@/lib/demo-site/schema';

// The services judge scope against the database (lib/demo-site/access.ts); the guards only turn away people without
// such a role at all.
const STAFF = ['ORG_ADMIN', 'COMMITTEE_ADMIN'] as const;

async function as(roles: Parameters<typeof requireAnyRole>[0]) {
  const user = await requireAnyRole(roles);
  return { actorId: user.id, ip: await getRequestIp() };
}

// Staff pages and the public 示范点/示范带 pages (cached like 品牌风采) both show what changed.
const revalidateDemo = () => {
  revalidatePath('/admin/demo', 'layout');
  revalidatePublicDemo();
};

export async function createDemoProgramAction(input: TCreateProgramInput) {
  return runAction(input, async (input) => {
    const result = await createDemoProgram(input, await as(['ORG_ADMIN']));
    revalidateDemo();
    return result;
  });
}

export async function updateDemoProgramAction(input: TUpdateProgramInput) {
  return runAction(input, async (input) => {
    const result = await updateDemoProgram(input, await as(['ORG_ADMIN']));
    revalidateDemo();
    return result;
  });
}

export async function createDemoSiteAction(input: TCreateSiteInput) {
  return runAction(input, async (input) => {
    const result = await createDemoSite(input, await as([...STAFF]));
    revalidateDemo();
    return result;
  });
}

export async function updateDemoSiteAction(input: TUpdateSiteInput) {
  return runAction(input, async (input) => {
    const result = await updateDemoSite(input, await as([...STAFF]));
    revalidateDemo();
    return result;
  });
}

export async function addDemoSitePhotosAction(input: TSitePhotosInput) {
  return runAction(input, async (input) => {
    const result = await addDemoSitePhotos(input, await as([...STAFF, 'BRANCH_SECRETARY']));
    revalidateDemo();
    return result;
  });
}

export async function removeDemoSitePhotoAction(input: TRemoveSitePhotoInput) {
  return runAction(input, async (input) => {
    const result = await removeDemoSitePhoto(input, await as([...STAFF, 'BRANCH_SECRETARY']));
    revalidateDemo();
    return result;
  });
}

/** 摘牌 of a 示范点: its photos leave the public pages at once (file access reads the status on every request). */
export async function revokeDemoSiteAction(input: TRevokeSiteInput) {
  return runAction(input, async (input) => {
    const result = await revokeDemoSite(input, await as([...STAFF]));
    revalidateGallery();
    revalidateDemo();
    return result;
  });
}

export async function assessDemoSiteAction(input: TAssessSiteInput) {
  return runAction(input, async (input) => {
    const result = await assessDemoSite(input, await as([...STAFF]));
    revalidateDemo();
    return result;
  });
}
