import { streamApplicationsWorkbook } from '@/lib/application/export';
import { parseStaffSearch, staffScopePaths } from '@/lib/application/staff-queries';
import { downloadStreamResponse } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** The filtered staff list as Excel, streamed page by page with its row count for the download's progress bar. */
export const GET = route({ access: ['COMMITTEE_ADMIN', 'ORG_ADMIN'], refusals: 'text' }, async ({ user, query }) => {
  const { body, rows, estimatedBytes } = await streamApplicationsWorkbook(staffScopePaths(user.roles), parseStaffSearch(query));
  return downloadStreamResponse(body, 'xlsx', '申报列表.xlsx', 'applications.xlsx', { rows, estimatedBytes });
});
