import { dbNow } from '@/lib/db';

// public: liveness probe used by Playwright's webServer and deployments; reveals nothing.
export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await dbNow();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
