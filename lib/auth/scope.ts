import type { Role } from '@/lib/generated/prisma/enums';
import type { TRoleGrant } from '@/lib/auth/session';

/** A grant at an organization covers that organization and its whole subtree (path prefix). */
export function grantsRoleAt(grants: readonly TRoleGrant[], roles: readonly Role[], targetPath: string): boolean {
  return grants.some((grant) => roles.includes(grant.role) && targetPath.startsWith(grant.organizationPath));
}

/** The topmost organizations where the user holds one of `roles` (nested grants collapse into their ancestor). */
export function scopeRoots(grants: readonly TRoleGrant[], roles: readonly Role[]): TRoleGrant[] {
  const relevant = grants.filter((grant) => roles.includes(grant.role));
  return relevant.filter(
    (grant, index) =>
      !relevant.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          grant.organizationPath.startsWith(other.organizationPath) &&
          (other.organizationPath !== grant.organizationPath || otherIndex < index),
      ),
  );
}
