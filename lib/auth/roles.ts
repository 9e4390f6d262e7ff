import type { Role } from '@/lib/generated/prisma/enums';

export const ROLE_LABELS: Record<Role, string> = {
  ORG_ADMIN: '组织部管理员',
  COMMITTEE_ADMIN: '党(工)委管理员',
  BRANCH_SECRETARY: '支部书记',
  EXPERT: '评审专家',
  MEMBER: '党员',
};

export const ROLE_ORDER: Role[] = ['ORG_ADMIN', 'COMMITTEE_ADMIN', 'BRANCH_SECRETARY', 'EXPERT', 'MEMBER'];

/** Roles whose sessions end after 30 idle minutes. */
export const ADMIN_ROLES: readonly Role[] = ['ORG_ADMIN', 'COMMITTEE_ADMIN'];

export const ROLE_HOME: Record<Role, string> = {
  ORG_ADMIN: '/admin',
  COMMITTEE_ADMIN: '/committee',
  BRANCH_SECRETARY: '/declare',
  EXPERT: '/review',
  MEMBER: '/member',
};

/** The landing page of a user holding these roles: the most powerful role wins. */
export function homePathFor(roles: readonly Role[]): string {
  const first = ROLE_ORDER.find((role) => roles.includes(role));
  return first ? ROLE_HOME[first] : '/account';
}

export function isAdmin(roles: readonly Role[]): boolean {
  return roles.some((role) => ADMIN_ROLES.includes(role));
}
