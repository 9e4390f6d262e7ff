'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp } from '@/lib/auth/guard';
import { requireFormData, runAction } from '@/lib/http/action';
import { textOf, uploadsOf } from '@/lib/objections/form-data';
import type { TRequestObjectionCodeInput } from '@/lib/objections/schema';
import { fileObjection, requestObjectionCode } from '@/lib/objections/service';

// Public on purpose (anyone may object during the 公示): the captcha, the per-phone and per-IP SMS limits, the
// single-use code, the period and entry checks and the per-phone objection limit in the service are the guard.

export async function requestObjectionCodeAction(input: TRequestObjectionCodeInput) {
  return runAction(input, async (input) => requestObjectionCode(input, await getRequestIp()));
}

/** The form posts FormData so the attachments travel with it. */
export async function fileObjectionAction(form: FormData) {
  return runAction(form, async (form) => {
    requireFormData(form);
    const input = {
      campaignId: textOf(form, 'campaignId'),
      applicationId: textOf(form, 'applicationId'),
      name: textOf(form, 'name'),
      phone: textOf(form, 'phone'),
      code: textOf(form, 'code'),
      contact: textOf(form, 'contact'),
      facts: textOf(form, 'facts'),
    };
    const result = await fileObjection(input, await uploadsOf(form), { ip: await getRequestIp() });
    revalidatePath(`/admin/campaigns/${input.campaignId}`, 'layout');
    return { trackingCode: result.trackingCode };
  });
}
