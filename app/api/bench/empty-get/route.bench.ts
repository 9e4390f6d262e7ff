// Benchmark build only (see next.config.js): the empty GET route of `npm run bench:gallery`, the cost of Next.js and
// HTTP alone for a GET. It reads nothing and touches no database.
export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
