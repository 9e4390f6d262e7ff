'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { approveComment, MODERATOR_ROLES, rejectComment, replyComment } from '@/lib/demo-public/comment-service';
import type { TApproveCommentInput, TRejectCommentInput, TReplyCommentInput } from '@/lib/demo-public/schema';

// The service checks, inside its transaction, that the actor moderates the comment's belt or site (subtree); this
// guard only turns away people without either staff role. The service expires the public pages (revalidateDemo).
async function moderator() {
  const user = await requireAnyRole(MODERATOR_ROLES);
  return { actorId: user.id, ip: await getRequestIp() };
}

export async function approveCommentAction(input: TApproveCommentInput) {
  return runAction(input, async (input) => {
    const result = await approveComment(input, await moderator());
    revalidatePath('/public-comments');
    return result;
  });
}

export async function rejectCommentAction(input: TRejectCommentInput) {
  return runAction(input, async (input) => {
    const result = await rejectComment(input, await moderator());
    revalidatePath('/public-comments');
    return result;
  });
}

export async function replyCommentAction(input: TReplyCommentInput) {
  return runAction(input, async (input) => {
    const result = await replyComment(input, await moderator());
    revalidatePath('/public-comments');
    return result;
  });
}
