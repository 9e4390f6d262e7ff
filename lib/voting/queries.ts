// What the public voting pages read: the campaign's vote window and rules, the entries of the latest 品牌清单 as cards,
// the counts when the campaign shows them live, and what the signed-in member has left today.
import { db, dbNow } from '@/lib/db';
import { stageStatus } from '@/lib/campaign/stages';
import { validVoteCounts } from '@/lib/review/results';
import { isListedEntry, listedApplicationIds } from '@/lib/brand-list/listed';

export type TVotingSearch = { field?: string; region?: string; q?: string };

export async function loadVotingCampaign(campaignId: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, status: { in: ['PUBLISHED', 'FINISHED'] } },
    select: {
      id: true,
      title: true,
      ownerOrg: { select: { name: true, shortName: true } },
      memberVotingEnabled: true,
      publicVotingEnabled: true,
      votesPerVoterPerDay: true,
      votesPerEntryPerDay: true,
      votesPerVoterTotal: true,
      allowVoteForOwnOrg: true,
      resultsVisibility: true,
      stages: { where: { kind: 'VOTING' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
    },
  });
  if (!campaign) return null;
  const stage = campaign.stages[0];
  const now = await dbNow();
  return { ...campaign, window: { status: stage ? stageStatus(stage, now) : ('disabled' as const), startsAt: stage?.startsAt ?? null, endsAt: stage?.endsAt ?? null } };
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

/** What a member has used today (Asia/Shanghai) and in total, and which entries they voted for today. */
export async function voterStanding(campaignId: string, voterId: string) {
  const rows = await db.$queryRaw<{ applicationId: string; today: boolean }[]>`
    SELECT application_id AS "applicationId", vote_day = (now() AT TIME ZONE 'Asia/Shanghai')::date AS today FROM votes WHERE voter_id = ${voterId} AND campaign_id = ${campaignId}`;
  const today = rows.filter((row) => row.today);
  // A member's unit: entries from inside it are off limits unless the campaign allows voting for one's own.
  const [unit] = await db.$queryRaw<{ path: string }[]>`SELECT o.path FROM voters r JOIN organizations o ON o.id = r.organization_id WHERE r.id = ${voterId}`;
  return { usedToday: today.length, usedTotal: rows.length, votedToday: [...new Set(today.map((row) => row.applicationId))], unitPath: unit?.path ?? null };
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
