// The 大屏 (big screen) of a campaign: live vote totals per entry and a few campaign counts, for the organizer's staff
// to leave open on a meeting-room wall. Only brand and organization names leave here: no person's name, phone or voter.
// One aggregate SQL statement per refresh; the valid votes are an index-only scan of votes_valid_idx. The staff
// dashboards (lib/dashboard) own the full funnel: these counts are kept to what the wall shows.
import type { TSessionUser } from '@/lib/auth/session';
import { grantsRoleAt } from '@/lib/auth/scope';
import { sortStages, stageStatus, currentStage, type TStageStatus } from '@/lib/campaign/stages';
import { stageLabel } from '@/lib/campaign/templates';
import { db, dbNow } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { pageNotFound } from '@/lib/http/page';

/** How many entries the vote chart shows: readable from 5 m on a 1080-line screen. */
export const BIG_SCREEN_TOP = 12;

export type TBigScreenEntry = { applicationId: string; brandName: string; organizationName: string; validVotes: number };

export type TBigScreenData = {
  campaign: { id: string; title: string; ownerName: string };
  /** Database time of the snapshot (ISO). */
  at: string;
  current: { label: string; status: TStageStatus; endsAt: string; startsAt: string } | null;
  stages: { kind: string; label: string; status: TStageStatus; startsAt: string; endsAt: string }[];
  stats: {
    declared: number;
    drafts: number;
    qualified: number;
    listed: number;
    reviewsDone: number;
    reviewsTotal: number;
    validVotes: number;
    votesToday: number;
    voters: number;
  };
  /** The top entries of the latest 品牌清单 by valid votes (ties in list order). */
  top: TBigScreenEntry[];
};

/** The campaign, if the user is an ORG_ADMIN over its owner; otherwise NOT_FOUND (its id reveals nothing). */
export async function bigScreenCampaign(user: TSessionUser, campaignId: string) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      title: true,
      program: true,
      status: true,
      ownerOrg: { select: { name: true, shortName: true, path: true } },
      stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
    },
  });
  if (!campaign || campaign.status === 'DRAFT' || !grantsRoleAt(user.roles, ['ORG_ADMIN'], campaign.ownerOrg.path)) {
    throw new AppError('NOT_FOUND', '评选活动不存在');
  }
  return campaign;
}

type TStatsRow = { [K in keyof TBigScreenData['stats']]: bigint };

export async function loadBigScreen(user: TSessionUser, campaignId: string): Promise<TBigScreenData> {
  const campaign = await bigScreenCampaign(user, campaignId);
  const now = await dbNow();
  // One statement: the valid votes are grouped once (an index-only scan of votes_valid_idx) for both the total and the
  // top entries; the other counts are small index lookups.
  const [row] = await db.$queryRaw<(TStatsRow & { top: (TBigScreenEntry & { sortOrder: number })[] | null })[]>`
    WITH latest AS (SELECT id FROM brand_lists WHERE campaign_id = ${campaignId} ORDER BY version DESC LIMIT 1),
    counts AS (
      SELECT application_id, COUNT(*) AS valid FROM votes
      WHERE campaign_id = ${campaignId} AND invalidated_at IS NULL GROUP BY application_id
    )
    SELECT
      (SELECT COUNT(*) FROM applications WHERE campaign_id = ${campaignId} AND submitted_at IS NOT NULL) AS declared,
      (SELECT COUNT(*) FROM applications WHERE campaign_id = ${campaignId} AND status = 'DRAFT' AND submitted_at IS NULL) AS drafts,
      (SELECT COUNT(*) FROM qualifications WHERE campaign_id = ${campaignId} AND result = 'PASSED') AS qualified,
      (SELECT COUNT(*) FROM brand_list_entries e JOIN latest ON e.list_id = latest.id) AS listed,
      (SELECT COUNT(*) FROM review_assignments WHERE campaign_id = ${campaignId} AND submitted_at IS NOT NULL) AS "reviewsDone",
      (SELECT COUNT(*) FROM review_assignments WHERE campaign_id = ${campaignId}) AS "reviewsTotal",
      (SELECT COALESCE(SUM(valid), 0)::bigint FROM counts) AS "validVotes",
      (SELECT COUNT(*) FROM votes WHERE campaign_id = ${campaignId} AND invalidated_at IS NULL
         AND created_at >= (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')) AS "votesToday",
      (SELECT COUNT(*) FROM voters WHERE campaign_id = ${campaignId}) AS voters,
      (SELECT json_agg(t ORDER BY t."validVotes" DESC, t."sortOrder") FROM (
        SELECT e.application_id AS "applicationId", e.brand_name AS "brandName", e.organization_name AS "organizationName",
          COALESCE(c.valid, 0) AS "validVotes", e.sort_order AS "sortOrder"
        FROM brand_list_entries e JOIN latest ON e.list_id = latest.id
        LEFT JOIN counts c ON c.application_id = e.application_id
        ORDER BY "validVotes" DESC, e.sort_order
        LIMIT ${BIG_SCREEN_TOP}
      ) t) AS top`;
  const { top, ...stats } = row;

  const stages = sortStages(campaign.stages).filter((stage) => stage.isEnabled);
  const running = currentStage(stages, now);
  return {
    campaign: { id: campaign.id, title: campaign.title, ownerName: campaign.ownerOrg.shortName ?? campaign.ownerOrg.name },
    at: now.toISOString(),
    current: running
      ? { label: stageLabel(running.kind, campaign.program), status: stageStatus(running, now), startsAt: running.startsAt.toISOString(), endsAt: running.endsAt.toISOString() }
      : null,
    stages: stages.map((stage) => ({
      kind: stage.kind,
      label: stageLabel(stage.kind, campaign.program),
      status: stageStatus(stage, now),
      startsAt: stage.startsAt.toISOString(),
      endsAt: stage.endsAt.toISOString(),
    })),
    stats: Object.fromEntries(Object.entries(stats).map(([key, value]) => [key, Number(value)])) as TBigScreenData['stats'],
    top: (top ?? []).map((entry) => ({
      applicationId: entry.applicationId,
      brandName: entry.brandName,
      organizationName: entry.organizationName,
      validVotes: Number(entry.validVotes),
    })),
  };
}

/** For the page: the first snapshot, or the not-found page for a campaign outside the user's scope. */
export async function loadBigScreenPage(user: TSessionUser, campaignId: string): Promise<TBigScreenData> {
  try {
    return await loadBigScreen(user, campaignId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') pageNotFound();
    throw error;
  }
}
