import { db } from '@/lib/db';

/** Code of the organization the template's examples hang below (the admin's own top organization). */
export async function organizationCodeOf(organizationId: string): Promise<string> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { code: true } });
  return org?.code ?? 'ROOT';
}
