import { z } from 'zod';
import { loadBigScreen } from '@/lib/bigscreen/queries';
import { jsonReply } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** The 大屏's data, polled every 30 s by the open screen: vote totals and counts, no personal data. */
export const GET = route({ access: ['ORG_ADMIN'], params: z.object({ id: z.string().max(64) }) }, async ({ user, params }) =>
  jsonReply(200, await loadBigScreen(user, params.id)),
);
