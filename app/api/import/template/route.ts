import { requireAnyRole } from '@/lib/auth/guard';
import { scopeRoots } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { IMPORT_KINDS, KIND_LABELS, type TImportKind } from '@/lib/import/columns';
import { organizationCodeOf } from '@/lib/import/queries';
import { buildImportTemplate } from '@/lib/import/template';

// ORG_ADMIN only: the template itself is harmless, but its examples name the admin's organization.
import { downloadResponse, textRefusal } from '@/lib/files/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  let rootOrganizationId: string;
  try {
    const admin = await requireAnyRole(['ORG_ADMIN']);
    rootOrganizationId = scopeRoots(admin.roles, ['ORG_ADMIN'])[0].organizationId;
  } catch (error) {
    if (error instanceof AppError) return textRefusal(error.code === 'UNAUTHENTICATED' ? 401 : 403, error.message);
    throw error;
  }
  const kind = new URL(request.url).searchParams.get('kind');
  if (!IMPORT_KINDS.includes(kind as TImportKind)) return textRefusal(400, '模板类型只能是 organizations 或 users');
  const body = await buildImportTemplate(kind as TImportKind, await organizationCodeOf(rootOrganizationId));
  return downloadResponse(body, 'xlsx', `${KIND_LABELS[kind as TImportKind]}导入模板.xlsx`, `${kind}-template.xlsx`);
}
