import { z } from 'zod';
import { scopeRoots } from '@/lib/auth/scope';
import { downloadResponse } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { IMPORT_KINDS, KIND_LABELS } from '@/lib/import/columns';
import { organizationCodeOf } from '@/lib/import/queries';
import { buildImportTemplate } from '@/lib/import/template';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({ kind: z.enum(IMPORT_KINDS, { error: '模板类型只能是 organizations 或 users' }) });

// ORG_ADMIN only: the template itself is harmless, but its examples name the admin's organization.
export const GET = route({ access: ['ORG_ADMIN'], query: ZQuery, refusals: 'text' }, async ({ user, query: { kind } }) => {
  const rootOrganizationId = scopeRoots(user.roles, ['ORG_ADMIN'])[0].organizationId;
  const body = await buildImportTemplate(kind, await organizationCodeOf(rootOrganizationId));
  return downloadResponse(body, 'xlsx', `${KIND_LABELS[kind]}导入模板.xlsx`, `${kind}-template.xlsx`);
});
