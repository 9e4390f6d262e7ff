import { isDatabaseUp } from '@/lib/health/queries';
import { jsonReply } from '@/lib/http/response';
import { route } from '@/lib/http/route';

// public: liveness probe used by Playwright's webServer and deployments; reveals nothing.
export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public' }, async () => ((await isDatabaseUp()) ? jsonReply(200, { ok: true }) : jsonReply(503, { ok: false })));
