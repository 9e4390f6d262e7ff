import { requireAnyRole } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { buildApplicationsWorkbook } from '@/lib/application/export';
import { listStaffApplicationsForExport, parseStaffSearch, staffScopePaths } from '@/lib/application/staff-queries';

import { downloadResponse, textRefusal } from '@/lib/files/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  let paths: string[];
  try {
    const user = await requireAnyRole(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
    paths = staffScopePaths(user.roles);
  } catch (error) {
    if (error instanceof AppError) return textRefusal(error.code === 'UNAUTHENTICATED' ? 401 : 403, error.message);
    throw error;
  }
  const search = parseStaffSearch(new URL(request.url).searchParams);
  const body = await buildApplicationsWorkbook(await listStaffApplicationsForExport(paths, search));
  return downloadResponse(body, 'xlsx', '申报列表.xlsx', 'applications.xlsx');
}
