import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { formatDate } from '@/lib/format';
import { secretaryTodos } from '@/lib/todo/secretary';
import { seedDemoCity } from '../../prisma/seed/seed-demo';

async function sessionOf(loginName: string) {
  const row = await db.user.findUniqueOrThrow({ where: { loginName } });
  return { id: row.id, sessionId: 'demo', loginName, displayName: row.displayName, mustChangePassword: false, roles: await loadGrants(db, row.id) };
}

const view = (items: Awaited<ReturnType<typeof secretaryTodos>>) =>
  items.map((item) => [item.kind, item.title, item.dueAt ? formatDate(new Date(item.dueAt.getTime() - 1)) : null, item.isOverdue, item.href]);

describe('the branch secretary to-do list on the demo city', () => {
  it('lists what each demo secretary has to do, with deadlines', async () => {
    await seedDemoCity(db);
    for (const login of ['sec-xfl', 'sec-gm', 'sec-fgw', 'sec-yy', 'sec-ty']) {
      console.log(login, JSON.stringify(view(await secretaryTodos(await sessionOf(login))), null, 1));
    }
  });
});
