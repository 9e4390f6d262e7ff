import { buildApplicationsWorkbook } from '@/lib/application/export';
import { listStaffApplicationsForExport, parseStaffSearch, staffScopePaths } from '@/lib/application/staff-queries';
import { downloadResponse } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ access: ['COMMITTEE_ADMIN', 'ORG_ADMIN'], refusals: 'text' }, async ({ user, query }) => {
  const body = await buildApplicationsWorkbook(await listStaffApplicationsForExport(staffScopePaths(user.roles), parseStaffSearch(query)));
  return downloadResponse(body, 'xlsx', '申报列表.xlsx', 'applications.xlsx');
});
