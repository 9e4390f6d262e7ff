import type { Role } from '@/lib/generated/prisma/enums';
import { db, type TDb, type TTx } from '@/lib/db';
import { ADMIN_ROLES } from '@/lib/auth/roles';

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export const ADMIN_IDLE_MS = 30 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export type TRoleGrant = { role: Role; organizationId: string; organizationName: string; organizationPath: string };

export type TSessionUser = {
  id: string;
  sessionId: string;
  loginName: string;
  displayName: string;
  mustChangePassword: boolean;
  roles: TRoleGrant[];
};

export async function createSession(
  tx: TTx,
  input: { userId: string; ip: string; userAgent?: string | null; now: Date },
): Promise<string> {
  const session = await tx.userSession.create({
    data: {
      userId: input.userId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + SESSION_MAX_AGE_S * 1000),
    },
  });
  return session.id;
}

/**
 * Loads the session's user and current roles from the database. Returns null for a revoked,
 * expired or idle (admins: 30 minutes) session, or a disabled user — whatever the cookie says.
 */
export async function validateSession(sessionId: string, client: TDb = db): Promise<TSessionUser | null> {
  const session = await client.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          loginName: true,
          displayName: true,
          mustChangePassword: true,
          isDisabled: true,
          roleAssignments: {
            select: { role: true, organization: { select: { id: true, name: true, path: true, isActive: true } } },
          },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.user.isDisabled) return null;
  const now = new Date();
  if (session.expiresAt <= now) return null;
  const roles = session.user.roleAssignments
    .filter((grant) => grant.organization.isActive)
    .map((grant) => ({
      role: grant.role,
      organizationId: grant.organization.id,
      organizationName: grant.organization.name,
      organizationPath: grant.organization.path,
    }));
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (roles.some((grant) => ADMIN_ROLES.includes(grant.role)) && idleMs > ADMIN_IDLE_MS) {
    await client.userSession.update({ where: { id: session.id }, data: { revokedAt: now } });
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await client.userSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    id: session.user.id,
    sessionId: session.id,
    loginName: session.user.loginName,
    displayName: session.user.displayName,
    mustChangePassword: session.user.mustChangePassword,
    roles,
  };
}

export async function revokeSession(sessionId: string, client: TDb | TTx = db): Promise<void> {
  await client.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a user at once (logout everywhere, password change, disabling). */
export async function revokeAllSessions(userId: string, client: TDb | TTx = db, exceptSessionId?: string): Promise<void> {
  await client.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
}
