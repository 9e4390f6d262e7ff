import { requireAnyRole } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { buildApplicationsWorkbook } from '@/lib/application/export';
import { listStaffApplicationsForExport, parseStaffSearch, staffScopePaths } from '@/lib/application/staff-queries';

import { attachmentDisposition } from '@/lib/files/http';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function refusal(status: number, message: string) {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function GET(request: Request) {
  let paths: string[];
  try {
    const user = await requireAnyRole(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
    paths = staffScopePaths(user.roles);
  } catch (error) {
    if (error instanceof AppError) return refusal(error.code === 'UNAUTHENTICATED' ? 401 : 403, error.message);
    throw error;
  }
  const search = parseStaffSearch(new URL(request.url).searchParams);
  const body = await buildApplicationsWorkbook(await listStaffApplicationsForExport(paths, search));
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachmentDisposition('申报列表.xlsx', 'applications.xlsx'),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
