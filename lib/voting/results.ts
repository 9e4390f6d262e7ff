// 网络投票 results for the organizer's staff: valid votes per entry and per field, the days, who voted, and the 最佳人气
// candidates. Invalidated votes never count (they are only shown beside). The counts come from the tallies the votes
// triggers keep in the transaction of every vote, 作废 and 恢复 (migration 0032): a few thousand rows whatever the
// number of votes (scanning a million votes took 1.6 s, bench:province). The rest is pure.
import type { StageKind } from '@/lib/generated/prisma/enums';
import { db, type TTx } from '@/lib/db';
import { combinedScore, rankWithTies } from '@/lib/review/ranking';

type TClient = typeof db | TTx;

export type TVoteResultsCampaign = { id: string; voteWeight: number; stages: readonly { kind: StageKind; isEnabled: boolean }[] };

export type TVoteEntryRow = {
  applicationId: string;
  brandName: string;
  organizationName: string;
  fieldName: string;
  regionName: string;
  /** False for an entry a later 品牌清单 version dropped: its votes stay in the totals, but it is neither ranked nor awarded. */
  isListed: boolean;
  validVotes: number;
  invalidVotes: number;
  /** Percent of all valid votes of the campaign. */
  share: number;
  /** What the votes add to the combined ranking: valid votes ÷ the top listed entry's × vote weight. */
  votePoints: number;
  rank: number | null;
  isTied: boolean;
  fieldRank: number | null;
  isFieldTied: boolean;
};

export type TVoteFieldRow = { fieldName: string; entries: number; validVotes: number; invalidVotes: number; share: number; leaders: string[]; leaderVotes: number };

type TEntryCount = Omit<TVoteEntryRow, 'share' | 'votePoints' | 'rank' | 'isTied' | 'fieldRank' | 'isFieldTied'>;

/**
 * Every entry of the latest 品牌清单 (in list order: field by field) with its valid and invalidated votes, plus any
 * voted-for application the latest version no longer lists, named from the application itself.
 */
async function entryCounts(client: TClient, campaignId: string) {
  const rows = await client.$queryRaw<(Omit<TEntryCount, 'validVotes' | 'invalidVotes'> & { validVotes: bigint; invalidVotes: bigint })[]>`
    WITH latest AS (
      SELECT id FROM brand_lists WHERE campaign_id = ${campaignId} ORDER BY version DESC LIMIT 1
    ), listed AS (
      SELECT e.* FROM brand_list_entries e JOIN latest ON e.list_id = latest.id
    ), counts AS (
      SELECT application_id, SUM(valid_votes) AS valid, SUM(invalid_votes) AS invalid
      FROM vote_entry_tallies WHERE campaign_id = ${campaignId} GROUP BY application_id HAVING SUM(valid_votes) + SUM(invalid_votes) > 0
    )
    SELECT COALESCE(l.application_id, c.application_id) AS "applicationId",
      COALESCE(l.brand_name, a.brand_name) AS "brandName",
      COALESCE(l.organization_name, o.name) AS "organizationName",
      COALESCE(l.field_name, f.name, '未分领域') AS "fieldName",
      COALESCE(l.region_name, '') AS "regionName",
      l.application_id IS NOT NULL AS "isListed",
      COALESCE(c.valid, 0) AS "validVotes",
      COALESCE(c.invalid, 0) AS "invalidVotes"
    FROM listed l FULL JOIN counts c ON c.application_id = l.application_id
    LEFT JOIN applications a ON l.application_id IS NULL AND a.id = c.application_id
    LEFT JOIN organizations o ON o.id = a.organization_id
    LEFT JOIN campaign_fields f ON f.id = a.field_id
    ORDER BY l.sort_order NULLS LAST, "brandName"`;
  return rows.map((row): TEntryCount => ({ ...row, validVotes: Number(row.validVotes), invalidVotes: Number(row.invalidVotes) }));
}

/** Valid votes and voters with a valid vote, by kind (党员 / 公众). */
async function voterCounts(client: TClient, campaignId: string) {
  const rows = await client.$queryRaw<{ kind: 'MEMBER' | 'PUBLIC'; votes: bigint; voters: bigint }[]>`
    SELECT kind, SUM(valid_votes)::bigint AS votes, SUM(voters)::bigint AS voters FROM vote_kind_tallies WHERE campaign_id = ${campaignId} GROUP BY kind`;
  const of = (kind: 'MEMBER' | 'PUBLIC') => rows.find((row) => row.kind === kind);
  return {
    member: { votes: Number(of('MEMBER')?.votes ?? 0), voters: Number(of('MEMBER')?.voters ?? 0) },
    public: { votes: Number(of('PUBLIC')?.votes ?? 0), voters: Number(of('PUBLIC')?.voters ?? 0) },
  };
}

/** Votes per voting day; `vote_day` is already the voter's calendar day in Asia/Shanghai. */
async function dailyCounts(client: TClient, campaignId: string) {
  const rows = await client.$queryRaw<{ day: string; validVotes: bigint; invalidVotes: bigint }[]>`
    SELECT to_char(vote_day, 'YYYY-MM-DD') AS day,
      SUM(valid_votes)::bigint AS "validVotes", SUM(invalid_votes)::bigint AS "invalidVotes"
    FROM vote_day_tallies WHERE campaign_id = ${campaignId} GROUP BY vote_day HAVING SUM(valid_votes) + SUM(invalid_votes) > 0 ORDER BY vote_day`;
  return rows.map((row) => ({ day: row.day, validVotes: Number(row.validVotes), invalidVotes: Number(row.invalidVotes) }));
}

const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** Places 1, 2, 2, 4 by valid votes, within `rows` (already in list order, which the sort keeps for equal votes). */
function placesByVotes(rows: readonly TEntryCount[]) {
  return new Map(rankWithTies(rows.map((row) => ({ id: row.applicationId, score: row.validVotes }))).map((row) => [row.id, row]));
}

/**
 * The 最佳人气 candidates: the top `count` listed entries with any valid vote. Entries level with the last place are
 * all shown and flagged, never cut silently: the meeting decides a tie. Null `count` = the campaign has no such award.
 */
export function popularityCandidates(ranked: readonly TVoteEntryRow[], count: number | null) {
  if (count === null) return null;
  const eligible = ranked.filter((row) => row.isListed && row.validVotes > 0);
  const cutoffVotes = eligible[count - 1]?.validVotes ?? eligible.at(-1)?.validVotes ?? 0;
  const rows = eligible.filter((row) => row.validVotes >= cutoffVotes);
  const isTiedAtCutoff = rows.length > count;
  return {
    count,
    cutoffVotes,
    isTiedAtCutoff,
    rows: rows.map((row) => ({ ...row, isTiedAtCutoff: isTiedAtCutoff && row.validVotes === cutoffVotes })),
  };
}

export async function loadVoteResults(campaign: TVoteResultsCampaign, client: TClient = db) {
  // Outside a transaction the queries run side by side on their own connections; inside one, one after another.
  const [counts, voters, days] =
    client === db
      ? await Promise.all([entryCounts(client, campaign.id), voterCounts(client, campaign.id), dailyCounts(client, campaign.id)])
      : [await entryCounts(client, campaign.id), await voterCounts(client, campaign.id), await dailyCounts(client, campaign.id)];
  const awards = await client.award.findMany({ where: { campaignId: campaign.id, kind: 'POPULARITY' }, select: { name: true, count: true }, orderBy: { sortOrder: 'asc' } });

  const listed = counts.filter((row) => row.isListed);
  const validVotes = counts.reduce((sum, row) => sum + row.validVotes, 0);
  const invalidVotes = counts.reduce((sum, row) => sum + row.invalidVotes, 0);
  // The same top and switch as loadRanking (lib/review/results.ts), so both pages show the same vote points.
  const votingEnabled = campaign.stages.some((stage) => stage.kind === 'VOTING' && stage.isEnabled);
  const topVotes = Math.max(0, ...listed.map((row) => row.validVotes));
  const overall = placesByVotes(listed);
  const fieldNames = [...new Set(listed.map((row) => row.fieldName))];
  const inField = new Map(fieldNames.flatMap((name) => [...placesByVotes(listed.filter((row) => row.fieldName === name))]));

  const rows: TVoteEntryRow[] = counts
    .map((row) => ({
      ...row,
      share: percent(row.validVotes, validVotes),
      votePoints: row.isListed ? combinedScore({ expertScore: null, rubricMax: 0, expertWeight: 0, votes: row.validVotes, topVotes: votingEnabled ? topVotes : 0, voteWeight: campaign.voteWeight }).votePoints : 0,
      rank: overall.get(row.applicationId)?.rank ?? null,
      isTied: overall.get(row.applicationId)?.isTied ?? false,
      fieldRank: inField.get(row.applicationId)?.rank ?? null,
      isFieldTied: inField.get(row.applicationId)?.isTied ?? false,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.validVotes - a.validVotes);

  const fields: TVoteFieldRow[] = fieldNames.map((fieldName) => {
    const members = rows.filter((row) => row.isListed && row.fieldName === fieldName);
    const fieldVotes = members.reduce((sum, row) => sum + row.validVotes, 0);
    const leaderVotes = members[0]?.validVotes ?? 0;
    return {
      fieldName,
      entries: members.length,
      validVotes: fieldVotes,
      invalidVotes: members.reduce((sum, row) => sum + row.invalidVotes, 0),
      share: percent(fieldVotes, validVotes),
      leaders: leaderVotes > 0 ? members.filter((row) => row.validVotes === leaderVotes).map((row) => row.brandName) : [],
      leaderVotes,
    };
  });

  const popularityCount = awards.length ? awards.reduce((sum, award) => sum + award.count, 0) : null;
  return {
    rows,
    fields,
    days,
    totals: {
      validVotes,
      invalidVotes,
      unlistedValidVotes: validVotes - listed.reduce((sum, row) => sum + row.validVotes, 0),
      entries: listed.length,
      days: days.length,
      member: voters.member,
      public: voters.public,
    },
    popularity: { awards, candidates: popularityCandidates(rows, popularityCount) },
    votingEnabled,
    topVotes,
    voteWeight: campaign.voteWeight,
  };
}

export type TVoteResults = Awaited<ReturnType<typeof loadVoteResults>>;
