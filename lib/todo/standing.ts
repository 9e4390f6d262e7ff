// "Where do I stand" for the expert's and the party member's home pages: a few numbers over data the pages already
// read (the expert's sheets) or one grouped count (the member's own votes).
import type { TSessionUser } from '@/lib/auth/session';
import { isOperationAllowed } from '@/lib/campaign/lifecycle';
import { listCampaignsAbove } from '@/lib/campaign/queries';
import type { TStageStatus } from '@/lib/campaign/stages';
import { db } from '@/lib/db';

type TSheetFacts = { submittedAt: Date | null; stage: TStageStatus; endsAt: Date | null };

/** The expert's review sheets: to score now (and the earliest deadline among them), submitted, not yet open. */
export function expertStanding(sheets: readonly TSheetFacts[]) {
  const toScore = sheets.filter((sheet) => !sheet.submittedAt && sheet.stage === 'open');
  const deadlines = toScore.map((sheet) => sheet.endsAt?.getTime()).filter((time): time is number => time !== undefined);
  return {
    toScore: toScore.length,
    submitted: sheets.filter((sheet) => sheet.submittedAt).length,
    upcoming: sheets.filter((sheet) => !sheet.submittedAt && sheet.stage === 'upcoming').length,
    nextDeadline: deadlines.length ? new Date(Math.min(...deadlines)) : null,
  };
}

/** The member's valid votes, in all and today (Shanghai), and the votes open to them now with their daily limit and end. */
export async function memberStanding(user: TSessionUser) {
  const paths = user.roles.filter((grant) => grant.role === 'MEMBER').map((grant) => grant.organizationPath);
  const [{ now, campaigns }, [counts]] = await Promise.all([
    listCampaignsAbove(paths),
    db.$queryRaw<{ total: bigint; today: bigint }[]>`
      SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE v.vote_day = (now() AT TIME ZONE 'Asia/Shanghai')::date) AS today
      FROM votes v JOIN voters r ON r.id = v.voter_id
      WHERE r.user_id = ${user.id} AND v.invalidated_at IS NULL`,
  ]);
  const open = campaigns.filter((campaign) => isOperationAllowed('cast-vote', { status: campaign.status, program: campaign.program, stages: campaign.stages, now }));
  const ends = open.map((campaign) => campaign.stages.find((stage) => stage.kind === 'VOTING')?.endsAt.getTime()).filter((time): time is number => time !== undefined);
  return { openVotes: open.length, votes: Number(counts?.total ?? 0), votesToday: Number(counts?.today ?? 0), nextEnd: ends.length ? new Date(Math.min(...ends)) : null };
}
