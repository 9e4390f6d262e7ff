import { cookies, headers } from 'next/headers';
import { decode } from 'next-auth/jwt';
import type { Role } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { clientIpFrom } from '@/lib/auth/request-ip';
import { markRefusalRecorded, recordRefusal } from '@/lib/auth/refusals';
import { validateSession, type TSessionUser } from '@/lib/auth/session';
import { grantsRoleAt } from '@/lib/auth/scope';
import { log } from '@/lib/log';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The signed-in user, re-read from the database on every call: a revoked session, a disabled user or
 * a removed role takes effect at once. Nothing the client sends besides the signed cookie is trusted.
 */
export async function getCurrentUser(): Promise<TSessionUser | null> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token || typeof token.sid !== 'string') return null;
  return validateSession(token.sid);
}

export async function getRequestIp(): Promise<string> {
  return clientIpFrom(await headers());
}

type TRequireOptions = { allowPasswordChange?: boolean };

/** For server actions and route handlers: throws AppError, which they turn into a refusal. */
export async function requireUser(options: TRequireOptions = {}): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (user.mustChangePassword && !options.allowPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
  }
  return user;
}

/**
 * Writes a refused privileged attempt to the audit log (rate-limited, its own transaction; see lib/auth/refusals.ts).
 * The key is what the server knows: the check that failed and, for a server action, Next's id of the action (an id
 * Next does not know never reaches our code). The page it came from is context only. Writing the row must never
 * turn the refusal into a failure, so an error here is logged and the refusal stands.
 */
export async function recordRefusedAttempt(user: Pick<TSessionUser, 'id'>, check: string, message: string, detail: Record<string, string | null> = {}) {
  try {
    const requestHeaders = await headers();
    const actionId = requestHeaders.get('next-action');
    const operation = actionId ? `${check} · server action ${actionId.slice(0, 80)}` : check;
    const referer = requestHeaders.get('referer');
    const page = referer && URL.canParse(referer) ? new URL(referer).pathname.slice(0, 200) : null;
    await recordRefusal({ actorId: user.id, ip: clientIpFrom(requestHeaders), operation, message, detail: { ...detail, page } });
  } catch (error) {
    log.error('越权操作未能写入审计日志', { check, error });
  }
}

async function refuse(user: TSessionUser, check: string, message: string, detail?: Record<string, string | null>): Promise<never> {
  await recordRefusedAttempt(user, check, message, detail);
  const error = new AppError('FORBIDDEN', message);
  markRefusalRecorded(error);
  throw error;
}

/** The user must hold `role` (one of `roles`) at `organizationId` or one of its ancestors. */
export async function requireRole(roles: Role | Role[], organizationId: string): Promise<TSessionUser> {
  const user = await requireUser();
  const wanted = Array.isArray(roles) ? roles : [roles];
  const target = await db.organization.findUnique({ where: { id: organizationId }, select: { path: true } });
  if (!target || !grantsRoleAt(user.roles, wanted, target.path)) {
    return refuse(user, `requireRole ${wanted.join(',')}`, '您没有权限进行此操作', { organizationId: organizationId.slice(0, 100) });
  }
  return user;
}

/** The user must hold one of `roles` somewhere; returns the grants (their org scopes). */
export async function requireAnyRole(roles: Role[]): Promise<TSessionUser> {
  const user = await requireUser();
  if (!user.roles.some((grant) => roles.includes(grant.role))) {
    return refuse(user, `requireAnyRole ${roles.join(',')}`, '您没有权限访问此功能');
  }
  return user;
}
