// What the 公示 pages read: the 公示 in force (the latest version) with its state by database time, earlier versions
// kept as superseded, the published list, the objections' effect on it, and whether the 表彰决定 is out.
import { db, dbNow } from '@/lib/db';
import { loadAwardProposal } from '@/lib/review/decision-queries';
import { objectionsByEntry } from '@/lib/objections/holds';

export type TPublicityPhase = 'upcoming' | 'open' | 'ended';

export function publicityPhase(publicity: { startsAt: Date; endsAt: Date }, now: Date): TPublicityPhase {
  if (now < publicity.startsAt) return 'upcoming';
  return now < publicity.endsAt ? 'open' : 'ended';
}

/** The last day of the period as a Shanghai calendar date (endsAt is the next day's 00:00). */
export const lastDayOf = (endsAt: Date) => new Date(endsAt.getTime() - 1);

type TPublicityDates = { startsAt: Date; endsAt: Date };

/**
 * The period of a version. The one in force runs as the campaign's 公示 stage (one truth for every page: ending or
 * moving the stage in the timeline moves the 公示 too); a superseded one keeps the dates it announced.
 */
function windowOf(publicity: TPublicityDates, stage: TPublicityDates | undefined, isCurrent: boolean, now: Date) {
  const { startsAt, endsAt } = (isCurrent && stage) || publicity;
  return { startsAt, endsAt, phase: publicityPhase({ startsAt, endsAt }, now), lastDay: lastDayOf(endsAt) };
}

/** One line per (entry, award) of a decision's awards, by award order then rank. */
async function awardedEntries(decisionId: string) {
  const rows = await db.decisionAward.findMany({
    where: { decisionId, isDecided: true },
    select: {
      award: { select: { id: true, name: true, sortOrder: true } },
      item: {
        select: {
          rank: true,
          application: { select: { id: true, brandName: true, slogan: true, logoFileId: true, organization: { select: { name: true } }, field: { select: { name: true } } } },
        },
      },
    },
  });
  rows.sort((a, b) => a.award.sortOrder - b.award.sortOrder || a.item.rank - b.item.rank || a.item.application.id.localeCompare(b.item.application.id));
  return rows.map((row) => ({ ...row.item.application, award: row.award }));
}

const VERSION_SELECT = {
  id: true,
  version: true,
  decisionId: true,
  startsAt: true,
  endsAt: true,
  notice: true,
  publishedAt: true,
  publishedBy: { select: { displayName: true } },
  decision: { select: { version: true, correctionReason: true } },
} as const;

const PUBLICITY_STAGE = { where: { kind: 'PUBLICITY' as const }, select: { startsAt: true, endsAt: true } };

/** Everything the staff page shows; call after the page checked the campaign is the user's. */
export async function loadPublicityAdmin(campaignId: string) {
  const [campaign, versions, proposal, announcement, honoredEntries, objections, now] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { id: true, title: true, year: true, publicityEnabled: true, ownerOrg: { select: { name: true } }, stages: PUBLICITY_STAGE } }),
    db.publicity.findMany({ where: { campaignId }, orderBy: { version: 'desc' }, select: VERSION_SELECT }),
    loadAwardProposal(campaignId),
    db.announcement.findUnique({ where: { campaignId }, select: { id: true, title: true, documentNo: true, issuedOn: true, publishedAt: true, _count: { select: { honors: true } } } }),
    db.honor.groupBy({ by: ['applicationId'], where: { campaignId } }),
    objectionsByEntry(campaignId),
    dbNow(),
  ]);
  const [current, ...earlier] = versions.map((version, index) => ({ ...version, ...windowOf(version, campaign.stages[0], index === 0, now) }));
  const entries = current ? await awardedEntries(current.decisionId) : [];
  const openObjections = [...objections.values()].reduce((sum, entry) => sum + entry.open, 0);
  const totalObjections = [...objections.values()].reduce((sum, entry) => sum + entry.open + entry.closed, 0);
  const noObjection = { open: 0, closed: 0, upheld: false };
  return {
    campaign,
    /** The 公示 in force (the latest version), and the earlier versions it superseded, newest first. */
    publicity: current ?? null,
    earlier,
    /** The signed 审定 was corrected after the 公示 went out: the corrected list needs its own 公示 (the next version). */
    stale: Boolean(current && proposal && proposal.decision.id !== current.decisionId),
    proposal,
    entries: entries.map((entry) => ({ ...entry, objections: objections.get(entry.id) ?? noObjection })),
    /** Distinct entries of the 公示 in force, and those an upheld objection withholds from the 表彰决定. */
    entryCount: new Set(entries.map((entry) => entry.id)).size,
    withheldCount: new Set(entries.filter((entry) => objections.get(entry.id)?.upheld).map((entry) => entry.id)).size,
    openObjections,
    totalObjections,
    /** The 表彰决定 with how many entries it honours (an entry may hold several honours, one certificate each). */
    announcement: announcement && { ...announcement, entries: honoredEntries.length },
    now,
  };
}

export type TPublicityAdmin = Awaited<ReturnType<typeof loadPublicityAdmin>>;

/**
 * The public 公示 page: the version in force, or an earlier `version` (then with the correction that superseded it);
 * null when the campaign has none (or is not public) or the version does not exist.
 */
export async function loadPublicPublicity(campaignId: string, version?: number) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, status: { in: ['PUBLISHED', 'FINISHED'] } },
    select: { id: true, title: true, year: true, ownerOrg: { select: { name: true } }, announcement: { select: { id: true } }, stages: PUBLICITY_STAGE },
  });
  if (!campaign) return null;
  const versions = await db.publicity.findMany({ where: { campaignId }, orderBy: { version: 'desc' }, select: VERSION_SELECT });
  const shown = version === undefined ? versions[0] : versions.find((candidate) => candidate.version === version);
  if (!shown) return null;
  const isCurrent = shown.version === versions[0].version;
  const [entries, now] = await Promise.all([awardedEntries(shown.decisionId), dbNow()]);
  const groups: { award: { id: string; name: string }; entries: typeof entries }[] = [];
  for (const entry of entries) {
    const group = groups.find((candidate) => candidate.award.id === entry.award.id);
    if (group) group.entries.push(entry);
    else groups.push({ award: { id: entry.award.id, name: entry.award.name }, entries: [entry] });
  }
  const next = versions.find((candidate) => candidate.version === shown.version + 1);
  return {
    ...shown,
    ...windowOf(shown, campaign.stages[0], isCurrent, now),
    campaign,
    isCurrent,
    /** The correction that replaced this version (for "本公示已被 X 月 X 日的更正公示取代"). */
    supersededBy: next ? { version: next.version, publishedAt: next.publishedAt } : null,
    /** Every version, newest first, for the page's record of 公示. */
    versions: versions.map((candidate) => ({ version: candidate.version, publishedAt: candidate.publishedAt })),
    groups,
    total: new Set(entries.map((entry) => entry.id)).size,
  };
}

export type TPublicPublicity = NonNullable<Awaited<ReturnType<typeof loadPublicPublicity>>>;
