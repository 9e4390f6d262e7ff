// Benchmark build only (pageExtensions include `bench.ts` when DJ_BENCH_BUILD=1, see next.config.js): the empty route
// of `npm run bench:vote`, the cost of Next.js and HTTP alone. It reads nothing and touches no database.
export const dynamic = 'force-dynamic';

export async function POST() {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
