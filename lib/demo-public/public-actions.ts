'use server';

import { getRequestIp } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { requestCommentCode, submitComment } from '@/lib/demo-public/comment-service';
import type { TRequestCommentCodeInput, TSubmitCommentInput } from '@/lib/demo-public/schema';

// Public on purpose (anyone may comment on a public belt or site): the captcha, the per-phone and per-IP SMS limits,
// the single-use code and the per-phone / per-IP comment limits in the service are the guard. Nothing shows before
// staff approve it, so a submission does not touch the page cache.

export async function requestCommentCodeAction(input: TRequestCommentCodeInput) {
  return runAction(input, async (input) => requestCommentCode(input, await getRequestIp()));
}

export async function submitCommentAction(input: TSubmitCommentInput) {
  return runAction(input, async (input) => {
    await submitComment(input, { ip: await getRequestIp() });
    return { submitted: true };
  });
}
