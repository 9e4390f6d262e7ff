'use server';

import { revalidatePath } from 'next/cache';
import { revalidateDemo as revalidatePublicDemo } from '@/lib/demo-public/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { addChecklistEvidence, removeChecklistEvidence, setChecklistVerdict } from '@/lib/checklist/service';
import type { TAddEvidenceInput, TChecklistSubject, TRemoveEvidenceInput, TSetVerdictInput } from '@/lib/checklist/schema';

// The services judge scope against the database (staff over the site's organization or the belt's owner give
// verdicts; the site organization's secretary adds evidence); the guards only turn away people without such a role.

async function as(roles: Parameters<typeof requireAnyRole>[0]) {
  const user = await requireAnyRole(roles);
  return { actorId: user.id, ip: await getRequestIp() };
}

function revalidateSubject(subject: TChecklistSubject | undefined) {
  if (subject && 'siteId' in subject) revalidatePath(`/admin/demo/sites/${subject.siteId}`);
  revalidatePath('/admin/demo', 'layout');
  // The public pages show each site's checklist status.
  revalidatePublicDemo();
}

export async function setChecklistVerdictAction(input: TSetVerdictInput) {
  return runAction(input, async (input) => {
    const result = await setChecklistVerdict(input, await as(['ORG_ADMIN', 'COMMITTEE_ADMIN']));
    revalidateSubject(input.subject);
    return result;
  });
}

export async function addChecklistEvidenceAction(input: TAddEvidenceInput) {
  return runAction(input, async (input) => {
    const result = await addChecklistEvidence(input, await as(['ORG_ADMIN', 'COMMITTEE_ADMIN', 'BRANCH_SECRETARY']));
    revalidateSubject(input.subject);
    return result;
  });
}

export async function removeChecklistEvidenceAction(input: TRemoveEvidenceInput) {
  return runAction(input, async (input) => {
    const result = await removeChecklistEvidence(input, await as(['ORG_ADMIN', 'COMMITTEE_ADMIN', 'BRANCH_SECRETARY']));
    revalidateSubject(input.subject);
    return result;
  });
}
