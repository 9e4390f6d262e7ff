// Benchmark build only (pageExtensions include `bench.ts` when DJ_BENCH_BUILD=1, see next.config.js): the floor of
// `npm run bench:vote`. The same request as the vote route (path, JSON body, voter and device cookies), and the same
// vote row written through the same database client (the pg pool under Prisma, as castVote uses it), with no check at
// all: no origin, signature, window, list or limit.
import { randomBytes } from 'node:crypto';
import { getPool } from '@/lib/db';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: campaignId } = await params;
  const body = (await request.json()) as { applicationId: string; idempotencyKey: string };
  const cookies = request.headers.get('cookie') ?? '';
  // The voter cookie is `<voterId>.<expires>.<signature>`; the floor takes the id unverified.
  const voterId = /dj_voter_[^=]*=([^.;]+)/.exec(cookies)?.[1] ?? '';
  const deviceId = /dj_device=([^;]+)/.exec(cookies)?.[1] ?? null;
  const receipt = randomBytes(10).toString('hex').toUpperCase();
  await getPool().query(
    `INSERT INTO votes (campaign_id, application_id, voter_id, vote_day, receipt_code, idempotency_key, ip, user_agent, device_id)
     VALUES ($1, $2, $3, (now() AT TIME ZONE 'Asia/Shanghai')::date, $4, $5, $6, $7, $8)`,
    [campaignId, body.applicationId, voterId, receipt, body.idempotencyKey, request.headers.get('x-forwarded-for'), request.headers.get('user-agent'), deviceId],
  );
  return Response.json({ receipt }, { headers: { 'Cache-Control': 'no-store' } });
}
