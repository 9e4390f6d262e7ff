/**
 * Voting under load (issues 8 and 22): the production topology of the benchmark build (bench/support/next-app.ts
 * startBenchCluster: nginx in front of two standalone instances, Redis, S3) on a throw-away embedded Postgres. First
 * autocannon (50 connections) posts votes of many public voters to three endpoints of one instance (A, directly):
 *
 *   empty  POST /api/bench/empty              returns JSON, touches nothing (Next.js + HTTP alone)
 *   floor  POST /api/bench/floor/<campaign>   the same request; inserts the same vote row through the same Prisma
 *                                              client with no check at all
 *   vote   POST /api/campaigns/<id>/votes      the real route: origin check, signed voter cookie, cast_vote with every
 *                                              rule (voter lock, idempotency, campaign state, 品牌清单, limits per
 *                                              voter, IP and device) and the record
 *
 *   npm run bench:vote          (BENCH_REUSE_BUILD=1 skips `next build` when .next-bench/ exists)
 *
 * Every request is a valid, distinct vote: voter i mod V for entry ⌊i / V⌋ mod E, with limits that admit them all, so
 * any non-200 answer is an error. Each endpoint gets one autocannon run of a fixed number of requests (so none is left
 * in flight and the vote count can be compared exactly, warm-up votes included): the first 2,000 answers are the
 * warm-up, the next 5,000 are timed. Besides rates and latencies it prints the CPU time per request of the server,
 * PostgreSQL and autocannon (from /proc), which stays meaningful when other work shares the machine.
 * Then two open-loop phases (issue 22): new votes offered at a fixed 300 per second for 30 s, latency counted from each
 * vote's scheduled moment, first to instance A, then through nginx to both instances (clients spread over 250 loopback
 * addresses, since nginx passes on the address it sees: the per-address limit of 200 votes an hour would otherwise
 * refuse them; the first PROXY_WARM_SECONDS of that loop are the topology's warm-up and untimed, like the closed
 * loop's). Targets: the vote route ≥ 70 % of the floor's requests per second, open-loop p99 ≤ 100 ms in both
 * phases, 0 errors, and the database then holds exactly the accepted votes. The last line's p99 is the worse phase's:
 *   vote: <ratio> of insert floor, <ratio> of empty route, open-loop 300/s p99 <ms> ms, errors <n>, counted exactly: yes|no
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon, { type Request } from 'autocannon';
import pg from 'pg';
import { canMeasureCpu, cpuMeter, parentOf } from './support/cpu';
import { runOnThrowawayDatabase } from './support/database';
import { buildBenchApp, startBenchCluster } from './support/next-app';

const CONNECTIONS = 50;
const VOTERS = 20_000;
const ENTRIES = 10;
const WARM_UP = 2_000;
const MEASURED = 5_000;
/** The open-loop phase: votes offered at a fixed rate, whatever the answers do (no coordinated omission). */
const OPEN_RATE = 300;
const OPEN_SECONDS = 30;
/** Through nginx, the open loop first runs this long untimed (see below). */
const PROXY_WARM_SECONDS = 5;

type TScope = { campaignId: string; applicationIds: string[]; tokens: string[] };
type TRun = {
  label: string;
  /** Answers timed after the warm-up, over `seconds`. */
  measured: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Over the whole run, warm-up included: answers 200, of which accepted votes (or the routes' expected body). */
  ok: number;
  accepted: number;
  errors: number;
  timeouts: number;
  cpu: Record<string, number>;
};

buildBenchApp();

runOnThrowawayDatabase(async ({ url, ownerUrl }) => {
  const { db, disconnectDb } = await import('@/lib/db');
  const { signVoterToken, voterCookieName } = await import('@/lib/voting/voter-token');
  const { createVotingScope } = await import('../tests/support/voting');
  const secret = randomBytes(32).toString('base64url');
  // Set-up as the owner role: bulk rows, VACUUM/ANALYZE and index changes; the code measured runs as the app role.
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();

  // Two listed campaigns with the vote open: one for the real route, one for the floor's rows. Public voting on,
  // E votes a day (one per entry), no total limit: every (voter, entry) pair below is one accepted vote.
  const setupStart = Date.now();
  const scope = async (prefix: string): Promise<TScope> => {
    const created = await createVotingScope({ entries: ENTRIES, members: 0, perDay: ENTRIES, perEntry: 1, total: null });
    const campaignId = created.campaign.id;
    await db.campaign.update({ where: { id: campaignId }, data: { publicVotingEnabled: true } });
    await client.query(
      `INSERT INTO voters (id, campaign_id, kind, phone) SELECT $2 || g, $1, 'PUBLIC', (13000000000 + g)::text FROM generate_series(0, $3 - 1) g`,
      [campaignId, prefix, VOTERS],
    );
    const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const tokens = Array.from({ length: VOTERS }, (_, index) => signVoterToken(campaignId, `${prefix}${index}`, expires, secret));
    return { campaignId, applicationIds: created.entries.map((entry) => entry.id), tokens };
  };
  const real = await scope('bv');
  const floor = await scope('bf');
  await client.query('VACUUM ANALYZE');
  console.log(`set-up: 2 campaigns × ${ENTRIES} listed entries × ${VOTERS} public voters in ${((Date.now() - setupStart) / 1000).toFixed(1)} s`);

  // Sent to an instance directly, each voter comes from an address of their own (X-Forwarded-For, as nginx sets it):
  // the per-IP limit of cast_vote (200 votes an hour) holds a single address, and 7,000 votes from 127.0.0.1 would
  // measure that refusal instead of the vote.
  const cluster = await startBenchCluster({ DATABASE_URL: url, NEXTAUTH_SECRET: secret });
  const server = { origin: cluster.instances[0].url, pid: cluster.instances[0].pid };
  const proxy = cluster.url!;
  const load = () => os.loadavg()[0].toFixed(1);
  const cpus = os.cpus();
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; load average ${load()} before the run`);
  console.log(`nginx ${proxy} → A ${server.origin} (pid ${server.pid}), B ${cluster.instances[1].url}; closed loop on A with autocannon, ${CONNECTIONS} connections\n`);
  // CPU time per request of the server, of PostgreSQL (postmaster and backends) and of this process (autocannon).
  const { rows: backend } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const meter = canMeasureCpu ? cpuMeter({ server: server.pid ?? 0, postgres: { childrenOf: parentOf(backend[0].pid) }, autocannon: process.pid }) : null;
  const runs = {} as Record<'empty' | 'floor' | 'vote', TRun>;
  const noRun = { total: 0, accepted: 0, errors: 0, p50: NaN, p99: NaN, max: NaN, slowSeconds: [] as number[], refusals: [] as string[] };
  let open = noRun;
  let openProxy = noRun;
  let proxyWarm = noRun;
  let warmedB = 0;
  try {
    /** Request i of an endpoint: voter i mod V, entry ⌊i / V⌋ mod E, a key of its own; the same shape for all three. */
    const sequence = (target: TScope, path: string) => {
      let next = 0;
      return (request: Request): Request => {
        const index = next++;
        if (index >= VOTERS * ENTRIES) throw new Error('more requests than distinct (voter, entry) pairs');
        const voter = index % VOTERS;
        const cookie = `${voterCookieName(target.campaignId)}=${target.tokens[voter]}; dj_device=d${String(voter).padStart(15, '0')}`;
        const body = JSON.stringify({ applicationId: target.applicationIds[Math.floor(index / VOTERS) % ENTRIES], idempotencyKey: `bench-${String(index).padStart(8, '0')}` });
        const ip = `10.${(voter >> 16) & 255}.${(voter >> 8) & 255}.${voter & 255}`;
        return { ...request, path, body, headers: { ...request.headers, cookie, 'x-forwarded-for': ip } };
      };
    };

    /**
     * One autocannon run per endpoint: the first WARM_UP answers warm the route and open the 50 connections (a
     * saturated Node server answers the first request of 50 connections opened at once one after another, up to
     * 2 s late, which would otherwise be the p99), then MEASURED answers are timed on the open connections.
     */
    const fire = async (label: string, setupRequest: (request: Request) => Request, isAccepted: (body: string) => boolean): Promise<TRun> => {
      let answered = 0;
      let ok = 0;
      let accepted = 0;
      let from = 0;
      let last = 0;
      const latencies: number[] = [];
      const instance = autocannon({
        url: server.origin,
        connections: CONNECTIONS,
        amount: WARM_UP + MEASURED,
        timeout: 10,
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin, 'user-agent': 'Mozilla/5.0 (bench:vote; autocannon)' },
        requests: [
          {
            setupRequest,
            onResponse: (status, body) => {
              if (status !== 200) return;
              ok++;
              if (isAccepted(body)) accepted++;
            },
          },
        ],
      });
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        answered++;
        last = performance.now();
        if (answered === WARM_UP) {
          from = last;
          meter?.start();
        } else if (answered > WARM_UP) {
          latencies.push(responseTime);
        }
      });
      const result = await instance;
      const cpu = meter?.stop() ?? {};
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? NaN;
      const seconds = (last - from) / 1000;
      return { label, seconds, measured: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN, ok, accepted, errors: result.errors + result.non2xx, timeouts: result.timeouts, cpu };
    };

    const endpoints = [
      { name: 'empty' as const, label: 'empty route', next: sequence(real, '/api/bench/empty'), isAccepted: (body: string) => body === '{"ok":true}' },
      { name: 'floor' as const, label: 'insert floor', next: sequence(floor, `/api/bench/floor/${floor.campaignId}`), isAccepted: (body: string) => body.startsWith('{"receipt":"') },
      { name: 'vote' as const, label: 'vote route', next: sequence(real, `/api/campaigns/${real.campaignId}/votes`), isAccepted: (body: string) => body.includes('"repeated":false') },
    ];
    for (const endpoint of endpoints) {
      const run = await fire(endpoint.label, endpoint.next, endpoint.isAccepted);
      runs[endpoint.name] = run;
      console.log(
        `${run.label.padEnd(13)} ${run.measured} req in ${run.seconds.toFixed(1).padStart(4)} s  ${run.rps.toFixed(0).padStart(5)} req/s   ` +
          `p50 ${run.p50.toFixed(0).padStart(3)} ms  p99 ${run.p99.toFixed(0).padStart(4)} ms  max ${run.max.toFixed(0).padStart(4)} ms   ` +
          `errors ${run.errors}${run.timeouts ? ` (${run.timeouts} timeouts)` : ''}`,
      );
      if (meter) {
        const perRequest = Object.entries(run.cpu).map(([name, ms]) => `${name} ${(ms / run.measured).toFixed(2)} ms`);
        console.log(`${''.padEnd(13)} CPU per request: ${perRequest.join(', ')}`);
      }
    }

    /**
     * Open loop: request k is sent at start + k / OPEN_RATE seconds whether or not earlier ones have been answered,
     * and its latency counts from that moment, so a slow server shows as latency instead of a lower offered rate.
     * Keep-alive sockets, as many as needed (nginx in front of the app does the same).
     */
    // Idle sockets are closed after 4 s, before the server's 5 s keep-alive ends: a vote is never sent on a socket the
    // server is closing (nginx does the same towards the instances).
    const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: 512, timeout: 4000 });
    const openLoop = async (origin: string, path: string, next: (request: Request) => Request, offset: number, options: { spreadClients?: boolean; seconds?: number; agent?: http.Agent } = {}) => {
      const { spreadClients = false, seconds = OPEN_SECONDS } = options;
      const agent = options.agent ?? newAgent();
      const url = new URL(origin);
      const total = OPEN_RATE * seconds;
      const latencies: number[] = [];
      let errors = 0;
      let accepted = 0;
      const start = performance.now() + 50;
      /** The seconds of the run (from its start) in which a vote took over 100 ms: a stall, or latency all along. */
      const slowSeconds = new Set<number>();
      /** What the errors were: status and message, or the socket error. */
      const refusals = new Map<string, number>();
      for (let skip = 0; skip < offset; skip++) next({} as Request);
      const send = (request: Request, scheduled: number, k: number) =>
        new Promise<void>((resolve) => {
          // Through nginx the client's own address is what the app sees: vote k comes from 127.1.0.(k mod 250 + 1).
          const localAddress = spreadClients ? `127.1.0.${(k % 250) + 1}` : undefined;
          const req = http.request(
            { host: url.hostname, port: url.port, method: 'POST', path, agent, localAddress, headers: { 'content-type': 'application/json', origin, 'user-agent': 'Mozilla/5.0 (bench:vote; open loop)', ...(request.headers as Record<string, string>) } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.on('end', () => {
                const latency = performance.now() - scheduled;
                latencies.push(latency);
                if (latency > 100) slowSeconds.add(Math.floor((scheduled - start) / 1000));
                const body = Buffer.concat(chunks).toString();
                if (res.statusCode === 200 && body.includes('"repeated":false')) accepted++;
                else {
                  errors++;
                  const reason = `${res.statusCode} ${/"message":"([^"]*)"/.exec(body)?.[1] ?? body.slice(0, 40)}`;
                  refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
                }
                resolve();
              });
            },
          );
          req.on('error', (error: NodeJS.ErrnoException) => {
            errors++;
            refusals.set(error.code ?? error.message, (refusals.get(error.code ?? error.message) ?? 0) + 1);
            resolve();
          });
          req.end(request.body as string);
        });
      const inFlight: Promise<void>[] = [];
      for (let k = 0; k < total; k++) {
        const scheduled = start + (k * 1000) / OPEN_RATE;
        const wait = scheduled - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        inFlight.push(send(next({ headers: {} } as Request), scheduled, k));
      }
      await Promise.all(inFlight);
      if (!options.agent) agent.destroy();
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? NaN;
      return { total, accepted, errors, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN, slowSeconds: [...slowSeconds].sort((a, b) => a - b), refusals: [...refusals].map(([reason, count]) => `${count}× ${reason}`) };
    };
    // New (voter, entry) pairs after the closed-loop run's: every offered vote is one more accepted vote.
    const votePath = `/api/campaigns/${real.campaignId}/votes`;
    const report = (label: string, run: typeof open) =>
      console.log(
        `${label.padEnd(24)} ${run.total} votes offered at ${OPEN_RATE}/s for ${OPEN_SECONDS} s   p50 ${run.p50.toFixed(0).padStart(3)} ms  p99 ${run.p99.toFixed(0).padStart(4)} ms  max ${run.max.toFixed(0).padStart(4)} ms   errors ${run.errors}` +
          (run.slowSeconds.length ? `   votes over 100 ms in second ${run.slowSeconds.join(', ')}` : '') +
          (run.refusals.length ? `\n${''.padEnd(24)} errors: ${run.refusals.join('; ')}` : ''),
      );
    open = await openLoop(server.origin, votePath, sequence(real, votePath), WARM_UP + MEASURED);
    report('open loop, instance A', open);
    // B has served nothing yet: its first requests compile the route and open its connection pool, as A's warm-up did.
    // It gets the same warm-up (new votes, counted below) before nginx sends it half of the open loop.
    const warmUpNext = sequence(real, votePath);
    for (let skip = 0; skip < WARM_UP + MEASURED + open.total; skip++) warmUpNext({} as Request);
    await autocannon({
      url: cluster.instances[1].url,
      connections: CONNECTIONS,
      amount: WARM_UP,
      timeout: 10,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cluster.instances[1].url, 'user-agent': 'Mozilla/5.0 (bench:vote; warm-up)' },
      requests: [{ setupRequest: warmUpNext, onResponse: (status, body) => void (status === 200 && body.includes('"repeated":false') && warmedB++) }],
    });
    // The topology's own warm-up, not timed: PROXY_WARM_SECONDS of the same open loop through nginx opens its
    // connections to both instances and the clients' connections to it (kept for the timed run), and lets B's heap and
    // compiled code settle after its closed-loop warm-up. Its votes are counted below like every other.
    const proxyAgent = newAgent();
    const proxyNext = sequence(real, votePath);
    const proxyOffset = WARM_UP + MEASURED + open.total + WARM_UP;
    proxyWarm = await openLoop(proxy, votePath, proxyNext, proxyOffset, { spreadClients: true, seconds: PROXY_WARM_SECONDS, agent: proxyAgent });
    openProxy = await openLoop(proxy, votePath, proxyNext, 0, { spreadClients: true, agent: proxyAgent });
    proxyAgent.destroy();
    report('open loop, nginx + A, B', openProxy);
  } finally {
    await cluster.stop();
  }

  // The database after the run: exactly one row per accepted vote, no (voter, entry) pair twice.
  const counted = async (campaignId: string) => {
    const { rows } = await client.query<{ total: number; pairs: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT (voter_id, application_id, vote_day))::int AS pairs FROM votes WHERE campaign_id = $1`,
      [campaignId],
    );
    return rows[0];
  };
  const voteRows = await counted(real.campaignId);
  const floorRows = await counted(floor.campaignId);
  const { empty, floor: insert, vote } = runs;
  const openAccepted = open.accepted + proxyWarm.accepted + openProxy.accepted;
  const exact =
    voteRows.total === vote.accepted + warmedB + openAccepted &&
    voteRows.pairs === voteRows.total &&
    vote.ok === vote.accepted &&
    warmedB === WARM_UP &&
    open.accepted === open.total &&
    proxyWarm.accepted === proxyWarm.total &&
    openProxy.accepted === openProxy.total;
  console.log(
    `\nvote route: ${WARM_UP + MEASURED} closed-loop requests (warm-up included) + ${open.total} open-loop to A + ${WARM_UP} to warm B + ${proxyWarm.total} + ${openProxy.total} open-loop through nginx (untimed warm-up + timed), ` +
      `${vote.accepted + warmedB + openAccepted} accepted, ${voteRows.total} vote rows (${voteRows.pairs} distinct voter-entry-day)`,
  );
  console.log(`insert floor: ${insert.ok} answered 200, ${floorRows.total} rows; load average ${load()} after the run`);

  const ofFloor = vote.rps / insert.rps;
  const ofEmpty = vote.rps / empty.rps;
  const p99 = Math.round(vote.p99);
  const errors = vote.errors;
  const openP99 = Math.round(Math.max(open.p99, openProxy.p99));
  const openErrors = open.errors + proxyWarm.errors + openProxy.errors;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  // The closed-loop p99 at saturation measures queueing (50 connections waiting on 2 cores), not the app: printed, no target.
  console.log(
    `\ntargets: ${mark(ofFloor >= 0.7)} ≥ 0.70 of floor (${ofFloor.toFixed(2)})   ${mark(openP99 <= 100)} open-loop ${OPEN_RATE}/s p99 ≤ 100 ms (A ${Math.round(open.p99)} ms, nginx ${Math.round(openProxy.p99)} ms)   ` +
      `${mark(errors + openErrors === 0)} 0 errors (${errors + openErrors})   ${mark(exact)} counted exactly   (closed-loop p99 ${p99} ms)`,
  );
  console.log(`vote: ${ofFloor.toFixed(2)} of insert floor, ${ofEmpty.toFixed(2)} of empty route, open-loop ${OPEN_RATE}/s p99 ${openP99} ms, errors ${errors + openErrors}, counted exactly: ${exact ? 'yes' : 'no'}`);

  await client.end();
  await disconnectDb();
});
