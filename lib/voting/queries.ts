// What the public voting pages read: the campaign's vote window and rules, the entries of the latest 品牌清单 as cards,
// the counts when the campaign shows them live, and what the signed-in member has left today.
import { db, dbNow } from '@/lib/db';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { stageStatus, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';
import type { CampaignProgram, CampaignStatus } from '@/lib/generated/prisma/enums';
import { validVoteCounts } from '@/lib/review/results';
import { isListedEntry, listedApplicationIds } from '@/lib/brand-list/listed';

export type TVotingSearch = { field?: string; region?: string; q?: string };

export async function loadVotingCampaign(campaignId: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, status: { in: ['PUBLISHED', 'FINISHED'] } },
    select: {
      id: true,
      title: true,
      status: true,
      ownerOrg: { select: { name: true, shortName: true } },
      memberVotingEnabled: true,
      publicVotingEnabled: true,
      votesPerVoterPerDay: true,
      votesPerEntryPerDay: true,
      votesPerVoterTotal: true,
      allowVoteForOwnOrg: true,
      resultsVisibility: true,
      program: true,
      stages: { where: { kind: 'VOTING' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
    },
  });
  if (!campaign) return null;
  const stage = campaign.stages[0];
  const now = await dbNow();
  return { ...campaign, window: { status: windowStatus(campaign.status, campaign.program, stage, now), startsAt: stage?.startsAt ?? null, endsAt: stage?.endsAt ?? null } };
}

/**
 * The vote as the pages show it. Open exactly when the state machine allows 'cast-vote' (the rule cast_vote applies);
 * otherwise the stage's dates say whether it is still to come, and a campaign no longer running has closed it.
 */
function windowStatus(status: CampaignStatus, program: CampaignProgram, stage: TStageWindow | undefined, now: Date): TStageStatus {
  if (!stage) return 'disabled';
  if (!operationRefusal('cast-vote', { status, program, stages: [stage], now })) return 'open';
  const dates = stageStatus(stage, now);
  if (dates === 'disabled' || status === 'PUBLISHED') return dates === 'open' ? 'closed' : dates;
  return 'closed';
}

export type TVotingCampaign = NonNullable<Awaited<ReturnType<typeof loadVotingCampaign>>>;

/** The latest published 品牌清单 version: the one people vote on (cast_vote checks the same). */
async function latestListId(campaignId: string): Promise<string | null> {
  const list = await db.brandList.findFirst({ where: { campaignId }, orderBy: { version: 'desc' }, select: { id: true } });
  return list?.id ?? null;
}

/** The entries on the 品牌清单 (lib/brand-list/listed) as cards, filtered; with counts only when the campaign shows them live. */
export async function listVotingEntries(campaign: TVotingCampaign, search: TVotingSearch) {
  const listId = await latestListId(campaign.id);
  if (!listId) return { entries: [], fields: [], regions: [] };
  const [published, listed] = await Promise.all([
    db.brandListEntry.findMany({
      where: { listId },
      select: { applicationId: true, brandName: true, organizationName: true, fieldName: true, regionName: true, application: { select: { slogan: true, logoFileId: true, organization: { select: { path: true } } } } },
      orderBy: { sortOrder: 'asc' },
    }),
    listedApplicationIds(db, campaign.id),
  ]);
  const rows = published.filter((row) => listed.has(row.applicationId));
  const counts = campaign.resultsVisibility === 'LIVE' ? await validVoteCounts(db, campaign.id) : null;
  const q = search.q?.trim().toLowerCase();
  const entries = rows
    .filter((row) => (!search.field || row.fieldName === search.field) && (!search.region || row.regionName === search.region))
    .filter((row) => !q || row.brandName.toLowerCase().includes(q) || row.organizationName.toLowerCase().includes(q))
    .map((row) => ({
      applicationId: row.applicationId,
      brandName: row.brandName,
      organizationName: row.organizationName,
      fieldName: row.fieldName,
      regionName: row.regionName,
      slogan: row.application.slogan,
      logoFileId: row.application.logoFileId,
      organizationPath: row.application.organization.path,
      votes: counts ? (counts.get(row.applicationId) ?? 0) : null,
    }));
  return { entries, fields: [...new Set(rows.map((row) => row.fieldName))], regions: [...new Set(rows.map((row) => row.regionName))], total: rows.length };
}

/**
 * What a voter has used today (Asia/Shanghai) and in total, which entries they voted for today, and for a member the
 * units of their current MEMBER roles (read now, as cast_vote does): none means the member may no longer vote.
 */
export async function voterStanding(campaignId: string, voterId: string) {
  const rows = await db.$queryRaw<{ applicationId: string; today: boolean }[]>`
    SELECT application_id AS "applicationId", vote_day = (now() AT TIME ZONE 'Asia/Shanghai')::date AS today FROM votes WHERE voter_id = ${voterId} AND campaign_id = ${campaignId}`;
  const today = rows.filter((row) => row.today);
  const [voter] = await db.$queryRaw<{ kind: 'MEMBER' | 'PUBLIC'; ownerPath: string; unitPaths: string[] | null }[]>`
    SELECT r.kind, owner.path AS "ownerPath",
      (SELECT array_agg(o.path) FROM role_assignments ra JOIN users u ON u.id = ra.user_id JOIN organizations o ON o.id = ra.organization_id
       WHERE ra.user_id = r.user_id AND ra.role = 'MEMBER' AND NOT u.is_disabled AND o.is_active AND starts_with(o.path, owner.path)) AS "unitPaths"
    FROM voters r JOIN campaigns c ON c.id = r.campaign_id JOIN organizations owner ON owner.id = c.owner_org_id
    WHERE r.id = ${voterId} AND r.campaign_id = ${campaignId}`;
  const unitPaths = voter?.unitPaths ?? [];
  return {
    usedToday: today.length,
    usedTotal: rows.length,
    votedToday: [...new Set(today.map((row) => row.applicationId))],
    /** A member's units: entries of them, below them, or above them below the organizer are their own (own-unit.ts). */
    unitPaths,
    ownerPath: voter?.ownerPath ?? '',
    isMemberWithoutRole: voter?.kind === 'MEMBER' && unitPaths.length === 0,
  };
}

/** One entry on the 品牌清单 with what its page shows: 内涵, 载体, photos (never documents). Null when not listed. */
export async function loadVotingEntry(campaign: TVotingCampaign, applicationId: string) {
  const listId = await latestListId(campaign.id);
  if (!listId) return null;
  const entry = await db.brandListEntry.findUnique({
    where: { listId_applicationId: { listId, applicationId } },
    select: {
      applicationId: true,
      brandName: true,
      organizationName: true,
      fieldName: true,
      regionName: true,
      application: {
        select: {
          slogan: true,
          essence: true,
          carriers: true,
          logoFileId: true,
          organization: { select: { path: true } },
          attachments: { where: { slot: 'PHOTO' }, orderBy: { sortOrder: 'asc' }, select: { fileId: true, caption: true } },
        },
      },
    },
  });
  if (!entry || !(await isListedEntry(db, applicationId))) return null;
  // One entry's count (indexed), not the whole campaign's grouped counts.
  const votes = campaign.resultsVisibility === 'LIVE' ? await db.vote.count({ where: { campaignId: campaign.id, applicationId, invalidatedAt: null } }) : null;
  return { ...entry, organizationPath: entry.application.organization.path, votes };
}
