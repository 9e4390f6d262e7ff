import { jsonReply } from '@/lib/http/response';
import { route } from '@/lib/http/route';

// public: liveness for the container and the load balancer: the process answers. No database (readiness is
// /api/ready): a database outage must not make the orchestrator restart every healthy app process. Reveals nothing.
export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public' }, async () => jsonReply(200, { ok: true }));
