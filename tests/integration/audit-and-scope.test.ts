import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { grantsRoleAt } from '@/lib/auth/scope';
import { validateSession } from '@/lib/auth/session';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createOrg, createUser, TEST_PASSWORD } from '../support/factories';
import { withOwner } from '../support/owner-db';

describe('audit log', () => {
  it('rolls back with the change it records', async () => {
    const org = await createOrg();
    await expect(
      db.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: org.id }, data: { name: '改名后' } });
        await recordAudit(tx, { actorId: null }, { action: 'update-organization', entityType: 'Organization', entityId: org.id });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(org.name);
    expect(await db.auditLog.count({ where: { entityId: org.id } })).toBe(0);
  });

  it('is append-only: the app role may not UPDATE, DELETE or TRUNCATE, and the trigger refuses even the owner', async () => {
    const org = await createOrg();
    await db.$transaction((tx) => recordAudit(tx, { actorId: null }, { action: 'update-organization', entityType: 'Organization', entityId: org.id }));
    const row = await db.auditLog.findFirstOrThrow({ where: { entityId: org.id } });
    await expect(db.$executeRaw`UPDATE audit_logs SET action = 'forged' WHERE id = ${row.id}`).rejects.toThrow(/permission denied for table audit_logs/);
    await expect(db.$executeRaw`DELETE FROM audit_logs WHERE id = ${row.id}`).rejects.toThrow(/permission denied for table audit_logs/);
    await expect(db.$executeRawUnsafe('TRUNCATE audit_logs')).rejects.toThrow(/permission denied for table audit_logs/);
    await withOwner(async (owner) => {
      await expect(owner.query(`UPDATE audit_logs SET action = 'forged' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(owner.query('DELETE FROM audit_logs WHERE id = $1', [row.id])).rejects.toThrow(/append-only/);
      await expect(owner.query('TRUNCATE audit_logs')).rejects.toThrow(/append-only/);
    });
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe('update-organization');
  });
});

describe('organization subtrees and role scope', () => {
  it('finds a whole subtree with one prefix query, and nothing of the sibling', async () => {
    const root = await createOrg({ levelLabel: '市委' });
    const a = await createOrg({ parent: root, levelLabel: '区委' });
    const b = await createOrg({ parent: root, levelLabel: '区委' });
    const a1 = await createOrg({ parent: a });
    const a11 = await createOrg({ parent: a1, levelLabel: '党小组' });
    const b1 = await createOrg({ parent: b });
    const subtree = await db.organization.findMany({ where: { path: { startsWith: a.path } }, select: { id: true } });
    expect(subtree.map((org) => org.id).sort()).toEqual([a.id, a1.id, a11.id].sort());
    expect(subtree.map((org) => org.id)).not.toContain(b1.id);
  });

  it('a role in org A grants nothing in sibling org B, but covers A’s descendants', async () => {
    const root = await createOrg({ levelLabel: '市委' });
    const a = await createOrg({ parent: root });
    const b = await createOrg({ parent: root });
    const aChild = await createOrg({ parent: a });
    const user = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: a.id }] });
    const signIn = await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: '10.8.0.1' });
    if (!signIn.ok) throw new Error('sign-in failed');
    const sessionUser = (await validateSession(signIn.sessionId))!;
    expect(grantsRoleAt(sessionUser.roles, ['COMMITTEE_ADMIN'], a.path)).toBe(true);
    expect(grantsRoleAt(sessionUser.roles, ['COMMITTEE_ADMIN'], aChild.path)).toBe(true);
    expect(grantsRoleAt(sessionUser.roles, ['COMMITTEE_ADMIN'], b.path)).toBe(false);
    expect(grantsRoleAt(sessionUser.roles, ['COMMITTEE_ADMIN'], root.path)).toBe(false);
    expect(grantsRoleAt(sessionUser.roles, ['ORG_ADMIN'], aChild.path)).toBe(false);
  });
});
