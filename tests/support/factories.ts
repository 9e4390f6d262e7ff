import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { OrgField, Role } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { depthOf, pathFor } from '@/lib/org-tree/tree';

let counter = 0;
// Always ends in a decimal digit: an all-letter base-36 time (e.g. "mxbdyunm") plus "-j" read as an English key to the
// audit-log test's "no raw keys" check, which then failed whenever the clock happened to spell only letters.
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${counter++}`;

export async function createOrg(input: { parent?: { id: string; path: string } | null; name?: string; field?: OrgField; levelLabel?: string } = {}) {
  const id = randomUUID();
  const path = pathFor(input.parent?.path ?? null, id);
  return db.organization.create({
    data: {
      id,
      path,
      depth: depthOf(path),
      parentId: input.parent?.id ?? null,
      code: unique('ORG'),
      name: input.name ?? unique('测试组织'),
      levelLabel: input.levelLabel ?? '支部',
      field: input.field ?? null,
    },
  });
}

export const TEST_PASSWORD = 'Test1234pass';
let cachedHash: string | undefined;

export async function createUser(input: { roles?: { role: Role; organizationId: string }[]; mustChangePassword?: boolean } = {}) {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const loginName = unique('user');
  return db.user.create({
    data: {
      loginName,
      displayName: loginName,
      passwordHash: cachedHash,
      mustChangePassword: input.mustChangePassword ?? false,
      roleAssignments: { create: input.roles ?? [] },
    },
  });
}
