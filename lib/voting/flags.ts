// 防刷票: patterns in the valid votes that staff should look at. Each flag names a rule and its parameters; the same
// selection finds its votes for the evidence table and for 按规则作废, so what staff saw is what they invalidate.
// Flags are computed on read from the indexed votes table (no background job); thresholds are per 10-minute window.
import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type TTx } from '@/lib/db';
import { maskPhone } from '@/lib/voting/phone-verification';

export const FLAG_WINDOW_MINUTES = 10;
export const FLAG_THRESHOLDS = {
  /** Valid votes from one IP address in one window. */
  ipVotes: 20,
  /** Valid votes from one IPv4 /24 network (at least two addresses) in one window. */
  subnetVotes: 60,
  /** Public voters whose phone was verified in one window. */
  newPhones: 30,
  /** Votes for one entry in one window: at least this many, and this many times its usual rate. */
  spikeVotes: 30,
  spikeFactor: 5,
};

export const ZFlagRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('IP_BURST'), ip: z.string().max(64), from: z.string().datetime() }),
  z.object({ kind: z.literal('SUBNET_BURST'), subnet: z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/), from: z.string().datetime() }),
  z.object({ kind: z.literal('NEW_PHONES'), from: z.string().datetime() }),
  z.object({ kind: z.literal('UNIT_HEADCOUNT'), organizationId: z.string().max(64) }),
  z.object({ kind: z.literal('ENTRY_SPIKE'), applicationId: z.string().max(64), from: z.string().datetime() }),
]);
export type TFlagRef = z.infer<typeof ZFlagRef>;
export type TFlagKind = TFlagRef['kind'];

export const FLAG_TITLES: Record<TFlagKind, string> = {
  IP_BURST: '同一 IP 短时集中投票',
  SUBNET_BURST: '同一网段短时集中投票',
  NEW_PHONES: '短时间内大量新手机号',
  UNIT_HEADCOUNT: '单位投票人数超过党员人数',
  ENTRY_SPIKE: '单个品牌票数突增',
};

/** A flag travels as an opaque key (URL-safe JSON); parsing checks its shape. */
export const flagKey = (ref: TFlagRef) => Buffer.from(JSON.stringify(ref)).toString('base64url');
export function parseFlagKey(key: string): TFlagRef | null {
  try {
    const parsed = ZFlagRef.safeParse(JSON.parse(Buffer.from(key, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const WINDOW = Prisma.raw(`interval '${FLAG_WINDOW_MINUTES} minutes'`);
const bucketOf = (column: string) => Prisma.raw(`date_bin(interval '${FLAG_WINDOW_MINUTES} minutes', ${column}, TIMESTAMPTZ '2000-01-01')`);

/** The votes a flag is about (valid ones only), as a condition on `votes v`. */
export function flagSelection(ref: TFlagRef): Prisma.Sql {
  switch (ref.kind) {
    case 'IP_BURST':
      return Prisma.sql`v.ip = ${ref.ip} AND v.created_at >= ${new Date(ref.from)} AND v.created_at < ${new Date(ref.from)}::timestamptz + ${WINDOW}`;
    case 'SUBNET_BURST':
      return Prisma.sql`v.ip LIKE ${`${ref.subnet}.%`} AND v.created_at >= ${new Date(ref.from)} AND v.created_at < ${new Date(ref.from)}::timestamptz + ${WINDOW}`;
    case 'NEW_PHONES':
      return Prisma.sql`v.voter_id IN (SELECT id FROM voters WHERE campaign_id = v.campaign_id AND kind = 'PUBLIC'
        AND created_at >= ${new Date(ref.from)} AND created_at < ${new Date(ref.from)}::timestamptz + ${WINDOW})`;
    case 'UNIT_HEADCOUNT':
      // The voters beyond the headcount, latest first to go: the first `member_count` voters of the unit stay.
      return Prisma.sql`v.voter_id IN (SELECT id FROM voters WHERE campaign_id = v.campaign_id AND organization_id = ${ref.organizationId}
        ORDER BY created_at, id OFFSET (SELECT member_count FROM organizations WHERE id = ${ref.organizationId}))`;
    case 'ENTRY_SPIKE':
      return Prisma.sql`v.application_id = ${ref.applicationId} AND v.created_at >= ${new Date(ref.from)} AND v.created_at < ${new Date(ref.from)}::timestamptz + ${WINDOW}`;
  }
}

export type TFlag = {
  key: string;
  ref: TFlagRef;
  title: string;
  /** One line of evidence in words, e.g. 10.0.0.8 在 10 分钟内投出 42 票（3 个投票人，1 台设备）. */
  summary: string;
  from: Date | null;
  votes: number;
};

type TRow = Record<string, unknown>;
const n = (value: unknown) => Number(value ?? 0);

const IPV4_SUBNET = /^\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Every flag of the campaign, most votes first.
 *
 * Each rule first finds its candidates with plain counts (one hashed pass over the campaign's valid votes, no
 * DISTINCT, no regular expression: a second at a million votes), then reads the evidence figures (distinct voters,
 * devices, IPs) for those few candidates only, through the (campaign_id, ip, created_at) and
 * (campaign_id, application_id) indexes.
 */
export async function detectFlags(campaignId: string, client: typeof db | TTx = db): Promise<TFlag[]> {
  const t = FLAG_THRESHOLDS;
  const valid = Prisma.sql`campaign_id = ${campaignId} AND invalidated_at IS NULL`;
  const [ipCandidates, subnetCandidates, phones, units, spikeCandidates] = await Promise.all([
    client.$queryRaw<TRow[]>`
      SELECT ip, ${bucketOf('created_at')} AS bucket, count(*) AS votes
      FROM votes WHERE ${valid} AND ip IS NOT NULL
      GROUP BY 1, 2 HAVING count(*) >= ${t.ipVotes}`,
    // The /24 of an IPv4 address is everything before its last dot; other shapes are dropped below.
    client.$queryRaw<TRow[]>`
      SELECT left(ip, length(ip) - strpos(reverse(ip), '.')) AS subnet, ${bucketOf('created_at')} AS bucket, count(*) AS votes
      FROM votes WHERE ${valid} AND strpos(ip, '.') > 0
      GROUP BY 1, 2 HAVING count(*) >= ${t.subnetVotes}`,
    client.$queryRaw<TRow[]>`
      WITH windows AS (
        SELECT ${bucketOf('created_at')} AS bucket, count(*) AS voters FROM voters WHERE campaign_id = ${campaignId} AND kind = 'PUBLIC'
        GROUP BY 1 HAVING count(*) >= ${t.newPhones}
      )
      -- Windows whose new voters cast no valid vote drop out with the inner join.
      SELECT w.bucket, w.voters, count(*) AS votes
      FROM windows w
      JOIN voters r ON r.campaign_id = ${campaignId} AND r.kind = 'PUBLIC' AND ${bucketOf('r.created_at')} = w.bucket
      JOIN votes v ON v.voter_id = r.id AND v.invalidated_at IS NULL
      GROUP BY 1, 2`,
    client.$queryRaw<TRow[]>`
      WITH units AS (
        SELECT o.id, o.name, o.member_count AS headcount, count(*) AS voters
        FROM voters r JOIN organizations o ON o.id = r.organization_id
        WHERE r.campaign_id = ${campaignId} AND r.kind = 'MEMBER' AND o.member_count > 0
        GROUP BY o.id HAVING count(*) > o.member_count
      )
      SELECT u.id, u.name, u.headcount, u.voters,
        (SELECT count(*) FROM votes v JOIN voters r ON r.id = v.voter_id
         WHERE r.campaign_id = ${campaignId} AND r.kind = 'MEMBER' AND r.organization_id = u.id AND v.invalidated_at IS NULL) AS votes
      FROM units u`,
    client.$queryRaw<TRow[]>`
      WITH windows AS MATERIALIZED (
        SELECT application_id, ${bucketOf('created_at')} AS bucket, count(*) AS votes FROM votes WHERE ${valid} GROUP BY 1, 2
      ), entries AS (
        SELECT application_id, sum(votes) AS total, count(*) AS windows FROM windows GROUP BY 1
      )
      -- The entry's usual rate: the mean of its other windows (0 when this is its only one).
      SELECT w.application_id AS "applicationId", w.bucket, w.votes, coalesce((e.total - w.votes)::float / nullif(e.windows - 1, 0), 0) AS usual
      FROM windows w JOIN entries e USING (application_id)
      WHERE w.votes >= ${t.spikeVotes} AND w.votes >= ${t.spikeFactor} * coalesce((e.total - w.votes)::float / nullif(e.windows - 1, 0), 0)`,
  ]);
  const subnetRows = subnetCandidates.filter((row) => IPV4_SUBNET.test(String(row.subnet)));
  const [ips, subnets, spikes] = await Promise.all([
    ipCandidates.length === 0
      ? []
      : client.$queryRaw<TRow[]>`
          SELECT c.ip, c.bucket, count(*) AS votes, count(DISTINCT v.voter_id) AS voters, count(DISTINCT v.device_id) AS devices
          FROM unnest(${ipCandidates.map((row) => String(row.ip))}::text[], ${ipCandidates.map((row) => (row.bucket as Date).toISOString())}::timestamptz[]) AS c(ip, bucket)
          JOIN votes v ON v.campaign_id = ${campaignId} AND v.invalidated_at IS NULL AND v.ip = c.ip
            AND v.created_at >= c.bucket AND v.created_at < c.bucket + ${WINDOW}
          GROUP BY 1, 2`,
    subnetRows.length === 0
      ? []
      : client.$queryRaw<TRow[]>`
          SELECT c.subnet, c.bucket, count(*) AS votes, count(DISTINCT v.ip) AS ips, count(DISTINCT v.voter_id) AS voters
          FROM unnest(${subnetRows.map((row) => String(row.subnet))}::text[], ${subnetRows.map((row) => (row.bucket as Date).toISOString())}::timestamptz[]) AS c(subnet, bucket)
          JOIN votes v ON v.campaign_id = ${campaignId} AND v.invalidated_at IS NULL AND v.ip LIKE c.subnet || '.%'
            AND v.created_at >= c.bucket AND v.created_at < c.bucket + ${WINDOW}
          GROUP BY 1, 2 HAVING count(DISTINCT v.ip) >= 2`,
    spikeCandidates.length === 0
      ? []
      : client.$queryRaw<TRow[]>`
          SELECT c.application_id AS "applicationId", a.brand_name AS "brandName", c.bucket, c.votes, c.usual, count(DISTINCT v.ip) AS ips
          FROM unnest(${spikeCandidates.map((row) => String(row.applicationId))}::text[], ${spikeCandidates.map((row) => (row.bucket as Date).toISOString())}::timestamptz[],
            ${spikeCandidates.map((row) => Number(row.votes))}::int[], ${spikeCandidates.map((row) => Number(row.usual))}::float8[]) AS c(application_id, bucket, votes, usual)
          JOIN applications a ON a.id = c.application_id
          JOIN votes v ON v.campaign_id = ${campaignId} AND v.invalidated_at IS NULL AND v.application_id = c.application_id
            AND v.created_at >= c.bucket AND v.created_at < c.bucket + ${WINDOW}
          GROUP BY 1, 2, 3, 4, 5`,
  ]);
  const minutes = `${FLAG_WINDOW_MINUTES} 分钟内`;
  const flag = (ref: TFlagRef, summary: string, from: Date | null, votes: number): TFlag => ({ key: flagKey(ref), ref, title: FLAG_TITLES[ref.kind], summary, from, votes });
  const flags = [
    ...ips.map((row) => {
      const from = row.bucket as Date;
      return flag({ kind: 'IP_BURST', ip: String(row.ip), from: from.toISOString() }, `IP ${row.ip} ${minutes}投出 ${n(row.votes)} 票（${n(row.voters)} 个投票人，${n(row.devices)} 台设备）`, from, n(row.votes));
    }),
    ...subnets.map((row) => {
      const from = row.bucket as Date;
      return flag({ kind: 'SUBNET_BURST', subnet: String(row.subnet), from: from.toISOString() }, `网段 ${row.subnet}.* ${minutes}投出 ${n(row.votes)} 票（${n(row.ips)} 个 IP，${n(row.voters)} 个投票人）`, from, n(row.votes));
    }),
    ...phones.map((row) => {
      const from = row.bucket as Date;
      return flag({ kind: 'NEW_PHONES', from: from.toISOString() }, `${minutes}新验证 ${n(row.voters)} 个手机号，共投 ${n(row.votes)} 票`, from, n(row.votes));
    }),
    ...units.map((row) =>
      flag({ kind: 'UNIT_HEADCOUNT', organizationId: String(row.id) }, `${row.name}：党员 ${n(row.headcount)} 人，已有 ${n(row.voters)} 个账号投票（${n(row.votes)} 票）`, null, n(row.votes)),
    ),
    ...spikes.map((row) => {
      const from = row.bucket as Date;
      const usual = n(row.usual);
      return flag(
        { kind: 'ENTRY_SPIKE', applicationId: String(row.applicationId), from: from.toISOString() },
        `“${row.brandName}”${minutes}得到 ${n(row.votes)} 票（来自 ${n(row.ips)} 个 IP），平时每 ${FLAG_WINDOW_MINUTES} 分钟约 ${usual.toFixed(1)} 票`,
        from,
        n(row.votes),
      );
    }),
  ];
  return flags.sort((a, b) => b.votes - a.votes);
}

export type TFlagVote = Awaited<ReturnType<typeof flagVotes>>['rows'][number];

/** The evidence: the flag's valid votes (newest first, up to `limit`) and how many there are in all. */
export async function flagVotes(campaignId: string, ref: TFlagRef, limit = 100) {
  const condition = flagSelection(ref);
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: bigint; receiptCode: string; createdAt: Date; brandName: string; kind: string; phone: string | null; member: string | null; organization: string | null; ip: string | null; deviceId: string | null; userAgent: string | null }[]>`
      SELECT v.id, v.receipt_code AS "receiptCode", v.created_at AS "createdAt", a.brand_name AS "brandName", r.kind, r.phone,
        u.display_name AS member, o.name AS organization, v.ip, v.device_id AS "deviceId", v.user_agent AS "userAgent"
      FROM votes v JOIN voters r ON r.id = v.voter_id JOIN applications a ON a.id = v.application_id
      LEFT JOIN users u ON u.id = r.user_id LEFT JOIN organizations o ON o.id = r.organization_id
      WHERE v.campaign_id = ${campaignId} AND v.invalidated_at IS NULL AND ${condition}
      ORDER BY v.created_at DESC, v.id DESC LIMIT ${limit}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM votes v WHERE v.campaign_id = ${campaignId} AND v.invalidated_at IS NULL AND ${condition}`,
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: String(row.id),
      receiptCode: row.receiptCode,
      createdAt: row.createdAt,
      brandName: row.brandName,
      voter: row.kind === 'PUBLIC' ? `群众 ${row.phone ? maskPhone(row.phone) : ''}` : `党员 ${row.member ?? ''}（${row.organization ?? ''}）`,
      ip: row.ip,
      device: row.deviceId ? row.deviceId.slice(0, 8) : null,
      userAgent: row.userAgent,
    })),
  };
}
