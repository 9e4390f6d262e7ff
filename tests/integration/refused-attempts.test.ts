import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { requireAnyRole, requireRole } from '@/lib/auth/guard';
import { resetUserPasswordAction } from '@/lib/user/actions';
import { createUser } from '../support/factories';
import { createAdminTree, openSession } from '../support/users';

// The guard reads the session cookie and the request headers through next/headers: here a real signed session
// token, and the headers a browser sends with a server action.
const request = vi.hoisted(() => ({ token: null as string | null, actionId: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && request.token ? { name, value: request.token } : undefined) }),
  headers: async () =>
    new Headers({
      'x-forwarded-for': '10.13.0.7',
      referer: 'http://localhost/admin/users/someone',
      ...(request.actionId ? { 'next-action': request.actionId } : {}),
    }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

async function signInAs(userId: string, actionId: string | null = null) {
  request.token = await encode({ token: { sid: await openSession(userId) }, secret: authSecret() });
  request.actionId = actionId;
}

const refusalRows = (actorId: string) =>
  db.auditLog.findMany({ where: { actorId, action: 'refuse-access' }, orderBy: { id: 'asc' }, select: { entityType: true, entityId: true, ip: true, after: true } });

describe('refused privileged attempts are written to the audit log, once per user and operation per minute', () => {
  it('records a refusal of the guard with who, what and from where, in its own transaction', async () => {
    const tree = await createAdminTree();
    const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }] });
    await signInAs(member.id, 'a1b2c3');

    await expect(requireAnyRole(['ORG_ADMIN'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalRows(member.id)).toEqual([
      {
        entityType: 'User',
        entityId: member.id,
        ip: '10.13.0.7',
        after: { operation: 'requireAnyRole ORG_ADMIN · server action a1b2c3', message: '您没有权限访问此功能', page: '/admin/users/someone' },
      },
    ]);

    // Another check is another operation; the same one again within the minute writes nothing.
    await expect(requireRole('ORG_ADMIN', tree.districtA.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(requireAnyRole(['ORG_ADMIN'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await refusalRows(member.id)).map((row) => (row.after as { operation: string }).operation)).toEqual([
      'requireAnyRole ORG_ADMIN · server action a1b2c3',
      'requireRole ORG_ADMIN · server action a1b2c3',
    ]);
  });

  it('writes exactly one row for a burst of parallel refusals, and a new one once the last is a minute old', async () => {
    const tree = await createAdminTree();
    const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }] });
    await signInAs(member.id);

    const results = await Promise.allSettled(Array.from({ length: 12 }, () => requireAnyRole(['ORG_ADMIN', 'COMMITTEE_ADMIN'])));
    expect(results.map((result) => result.status === 'rejected' && (result.reason as { code: string }).code)).toEqual(Array(12).fill('FORBIDDEN'));
    const rows = await refusalRows(member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ operation: 'requireAnyRole ORG_ADMIN,COMMITTEE_ADMIN' });

    // Pretend the row was written 61 seconds ago: the next refusal is written again.
    const operation = 'requireAnyRole ORG_ADMIN';
    await db.auditLog.create({
      data: { actorId: member.id, action: 'refuse-access', entityType: 'User', entityId: member.id, after: { operation }, createdAt: new Date(Date.now() - 61_000) },
    });
    await expect(requireAnyRole(['ORG_ADMIN'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await refusalRows(member.id)).filter((row) => (row.after as { operation: string }).operation === operation)).toHaveLength(2);
  });

  it('records a refusal raised by a service behind a server action, such as reaching for an account outside the scope', async () => {
    const tree = await createAdminTree();
    await db.roleAssignment.create({ data: { userId: tree.rootAdmin.id, role: 'MEMBER', organizationId: tree.branchA1.id } });
    await signInAs(tree.adminA.id, 'reset-action-id');

    const results = await Promise.all(Array.from({ length: 6 }, () => resetUserPasswordAction(tree.rootAdmin.id)));
    expect(results.map((result) => result.ok || result.code)).toEqual(Array(6).fill('FORBIDDEN'));
    expect(await refusalRows(tree.adminA.id)).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ operation: 'service · server action reset-action-id', message: expect.stringMatching(/^该用户不在您的管理范围内/) }) }),
    ]);
    expect(await db.auditLog.count({ where: { entityId: tree.rootAdmin.id, action: 'reset-password' } })).toBe(0);
  });
});
