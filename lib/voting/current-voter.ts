// Who is looking at a voting page: a phone verified for this campaign (公众), a signed-in member, or nobody yet.
import { cookies } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { maskPhone } from '@/lib/voting/phone-verification';
import { voterStanding, type TVotingCampaign } from '@/lib/voting/queries';
import { isOwnUnitOfAny } from '@/lib/voting/own-unit';
import { memberVoter } from '@/lib/voting/service';
import { verifyVoterToken, voterCookieName } from '@/lib/voting/voter-token';

export type TCurrentVoter =
  | { kind: 'PUBLIC'; voterId: string; label: string }
  /** voterId null: signed in, but not a member under the campaign's owner (or member voting is off). */
  | { kind: 'MEMBER'; voterId: string | null; label: string }
  | null;

export async function currentVoter(campaignId: string): Promise<TCurrentVoter> {
  const token = (await cookies()).get(voterCookieName(campaignId))?.value;
  const publicId = verifyVoterToken(campaignId, token);
  if (publicId) {
    const voter = await db.voter.findFirst({ where: { id: publicId, campaignId, kind: 'PUBLIC' }, select: { phone: true } });
    if (voter?.phone) return { kind: 'PUBLIC', voterId: publicId, label: `手机 ${maskPhone(voter.phone)}` };
  }
  const user = await getCurrentUser();
  if (!user) return null;
  return { kind: 'MEMBER', voterId: await memberVoter(campaignId, user.id), label: user.displayName };
}

export type TVoterView = Awaited<ReturnType<typeof loadVoterView>>;

/** The voter bar and every vote button of a page: who votes, what is left today, and why a button is off. */
export async function loadVoterView(campaign: TVotingCampaign) {
  const open = campaign.window.status === 'open';
  const voter = open ? await currentVoter(campaign.id) : null;
  const standing = voter?.voterId ? await voterStanding(campaign.id, voter.voterId) : null;
  const totalLeft = standing && campaign.votesPerVoterTotal !== null ? campaign.votesPerVoterTotal - standing.usedTotal : Infinity;
  const left = standing ? Math.max(0, Math.min(campaign.votesPerVoterPerDay - standing.usedToday, totalLeft)) : 0;
  const home = `/campaigns/${campaign.id}/vote`;
  return {
    voter,
    left,
    totalUsedUp: totalLeft <= 0,
    /** Where someone who has not identified goes to vote: the phone check if the public may vote, else the sign-in. */
    signInHref: (back: string) =>
      campaign.publicVotingEnabled ? `${home}/verify?next=${encodeURIComponent(back)}` : `/login?next=${encodeURIComponent(back)}`,
    disabledReason(applicationId: string, organizationPath: string): string | null {
      if (campaign.window.status === 'upcoming') return '投票尚未开始';
      if (!open) return '投票已结束';
      if (!voter) return null;
      if (!voter.voterId) return '不在投票范围内';
      if (standing?.isMemberWithoutRole) return '不在投票范围内';
      if (!campaign.allowVoteForOwnOrg && standing && isOwnUnitOfAny(standing.unitPaths, organizationPath, standing.ownerPath)) return '本单位品牌不可投';
      if (left === 0) return totalLeft <= 0 ? '票数已用完' : '今日票数已用完';
      if (campaign.votesPerEntryPerDay === 1 && standing?.votedToday.includes(applicationId)) return '今天已投';
      return null;
    },
  };
}
