// What the 公示 pages read: the publicity of a campaign with its state by database time, the published list, the
// objections' effect on it, and whether the 表彰决定 is out.
import { db, dbNow } from '@/lib/db';
import { loadAwardProposal } from '@/lib/review/decisions';
import { objectionsByEntry } from '@/lib/objections/holds';

export type TPublicityPhase = 'upcoming' | 'open' | 'ended';

export function publicityPhase(publicity: { startsAt: Date; endsAt: Date }, now: Date): TPublicityPhase {
  if (now < publicity.startsAt) return 'upcoming';
  return now < publicity.endsAt ? 'open' : 'ended';
}

/** The last day of the period as a Shanghai calendar date (endsAt is the next day's 00:00). */
export const lastDayOf = (endsAt: Date) => new Date(endsAt.getTime() - 1);

/** The campaign's 公示 stage, which the 公示 itself opened: ending or moving it in the timeline moves the 公示 too. */
const PUBLICITY_WINDOW = { campaign: { select: { stages: { where: { kind: 'PUBLICITY' as const }, select: { startsAt: true, endsAt: true } } } } };

/** The period in force: the campaign's 公示 stage (one truth for every page), else the dates the 公示 announced. */
function windowOf(publicity: { startsAt: Date; endsAt: Date; campaign: { stages: { startsAt: Date; endsAt: Date }[] } }, now: Date) {
  const { startsAt, endsAt } = publicity.campaign.stages[0] ?? publicity;
  return { startsAt, endsAt, phase: publicityPhase({ startsAt, endsAt }, now), lastDay: lastDayOf(endsAt) };
}

/** Entries of a decision with an award, by award order then rank. */
async function awardedEntries(decisionId: string) {
  const items = await db.decisionItem.findMany({
    where: { decisionId, awardId: { not: null } },
    select: {
      rank: true,
      award: { select: { id: true, name: true, sortOrder: true } },
      application: { select: { id: true, brandName: true, slogan: true, logoFileId: true, organization: { select: { name: true } }, field: { select: { name: true } } } },
    },
  });
  items.sort((a, b) => a.award!.sortOrder - b.award!.sortOrder || a.rank - b.rank);
  return items.map((item) => ({ ...item.application, award: item.award! }));
}

/** Everything the staff page shows; call after the page checked the campaign is the user's. */
export async function loadPublicityAdmin(campaignId: string) {
  const [campaign, publicity, proposal, announcement, objections, now] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { id: true, title: true, year: true, publicityEnabled: true, ownerOrg: { select: { name: true } } } }),
    db.publicity.findUnique({
      where: { campaignId },
      select: { id: true, decisionId: true, startsAt: true, endsAt: true, notice: true, publishedAt: true, publishedBy: { select: { displayName: true } }, ...PUBLICITY_WINDOW },
    }),
    loadAwardProposal(campaignId),
    db.announcement.findUnique({ where: { campaignId }, select: { id: true, title: true, documentNo: true, issuedOn: true, publishedAt: true, _count: { select: { honors: true } } } }),
    objectionsByEntry(campaignId),
    dbNow(),
  ]);
  const entries = publicity ? await awardedEntries(publicity.decisionId) : [];
  const openObjections = [...objections.values()].reduce((sum, entry) => sum + entry.open, 0);
  const totalObjections = [...objections.values()].reduce((sum, entry) => sum + entry.open + entry.closed, 0);
  return {
    campaign,
    publicity: publicity && { ...publicity, ...windowOf(publicity, now) },
    /** The signed 审定 was corrected after the 公示 went out: the new list needs its own 公示. */
    stale: Boolean(publicity && proposal && proposal.decision.id !== publicity.decisionId),
    proposal,
    entries: entries.map((entry) => ({ ...entry, objections: objections.get(entry.id) ?? { open: 0, closed: 0, upheld: false } })),
    openObjections,
    totalObjections,
    announcement,
    now,
  };
}

export type TPublicityAdmin = Awaited<ReturnType<typeof loadPublicityAdmin>>;

/** The public 公示 page: null when the campaign has none (or is not public). */
export async function loadPublicPublicity(campaignId: string) {
  const publicity = await db.publicity.findFirst({
    where: { campaignId, campaign: { status: { in: ['PUBLISHED', 'FINISHED'] } } },
    select: {
      startsAt: true,
      endsAt: true,
      notice: true,
      publishedAt: true,
      decisionId: true,
      campaign: {
        select: {
          id: true,
          title: true,
          year: true,
          ownerOrg: { select: { name: true } },
          announcement: { select: { id: true } },
          stages: PUBLICITY_WINDOW.campaign.select.stages,
        },
      },
    },
  });
  if (!publicity) return null;
  const [entries, now] = await Promise.all([awardedEntries(publicity.decisionId), dbNow()]);
  const groups: { award: { id: string; name: string }; entries: typeof entries }[] = [];
  for (const entry of entries) {
    const group = groups.find((candidate) => candidate.award.id === entry.award.id);
    if (group) group.entries.push(entry);
    else groups.push({ award: { id: entry.award.id, name: entry.award.name }, entries: [entry] });
  }
  return { ...publicity, ...windowOf(publicity, now), groups, total: entries.length };
}

export type TPublicPublicity = NonNullable<Awaited<ReturnType<typeof loadPublicPublicity>>>;
