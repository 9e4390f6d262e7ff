import { jsonReply } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { checkReadiness } from '@/lib/runtime/readiness';

// public: readiness for the load balancer: 200 when this instance may take traffic; 503 with a reason code while
// draining for shutdown, when the database does not answer in 2 s, or before this build's migrations are applied.
// Answers only the reason and a Chinese message: no connection details, no error text. Never cached (jsonReply).
export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public' }, async () => {
  const readiness = await checkReadiness();
  return jsonReply(readiness.ok ? 200 : 503, readiness);
});
