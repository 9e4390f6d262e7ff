'use server';

import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { getRequestIp } from '@/lib/auth/guard';
import { isHttpsRequest } from '@/lib/auth/https';
import { runAction } from '@/lib/http/action';
import type { TRequestCodeInput, TVerifyCodeInput } from '@/lib/voting/phone-schema';
import { requestVoteCode, verifyVoteCode } from '@/lib/voting/phone-verification';
import { signVoterToken, voterCookieName, voterCookieOptions } from '@/lib/voting/voter-token';

// Public on purpose (anyone may verify a phone to vote): the captcha, the per-phone and per-IP limits and the
// single-use codes in phone-verification.ts are the guard, checked against the database on every call.

export async function requestVoteCodeAction(input: TRequestCodeInput) {
  return runAction(input, async (input) => requestVoteCode(input, await getRequestIp()));
}

export async function verifyVoteCodeAction(input: TVerifyCodeInput) {
  return runAction(input, async (input) => {
    const { voterId, expiresAt } = await verifyVoteCode(input);
    const secure = isHttpsRequest(await headers());
    (await cookies()).set(voterCookieName(input.campaignId), signVoterToken(input.campaignId, voterId, expiresAt), voterCookieOptions(expiresAt, secure));
    return { verified: true };
  });
}

/** 更换手机号: forgets the verified phone of this campaign on this device. */
const ZForgetVoter = z.object({ campaignId: z.string().min(1).max(64) });

export async function forgetVoterAction(input: { campaignId: string }) {
  return runAction(input, async (input) => {
    const { campaignId } = ZForgetVoter.parse(input);
    (await cookies()).delete(voterCookieName(campaignId));
    return { forgotten: true };
  });
}
