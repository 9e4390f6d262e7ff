'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { requireFormData, runAction } from '@/lib/http/action';
import { AppError } from '@/lib/errors';
import type { TImportKind } from '@/lib/import/columns';
import { importOrganizations, importUsers } from '@/lib/import/service';
import { uploadProblem } from '@/lib/import/upload';

// The services check every organization touched against the admin's subtree, read from the database.
async function runImport(kind: TImportKind, formData: FormData) {
  return runAction(formData, async (formData) => {
    const admin = await requireAnyRole(['ORG_ADMIN']);
    const file = requireFormData(formData).get('file');
    if (!(file instanceof File)) throw new AppError('INVALID_INPUT', '请选择要导入的 Excel 文件');
    const problem = uploadProblem({ size: file.size, head: new Uint8Array(await file.slice(0, 4).arrayBuffer()) });
    if (problem) throw new AppError('INVALID_INPUT', problem);
    const input = { data: new Uint8Array(await file.arrayBuffer()), fileName: file.name.slice(0, 200) };
    const context = { actorId: admin.id, ip: await getRequestIp() };
    const result = kind === 'organizations' ? await importOrganizations(input, context) : await importUsers(input, context);
    if (result.status === 'imported') revalidatePath(kind === 'organizations' ? '/admin/orgs' : '/admin/users');
    return result;
  });
}

export async function importOrganizationsAction(formData: FormData) {
  return runImport('organizations', formData);
}

export async function importUsersAction(formData: FormData) {
  return runImport('users', formData);
}
