import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { listPairings, loadPairingDetail } from '@/lib/pairing/queries';
import { seedDemoCity } from '../../prisma/seed/seed-demo';

describe('demo 结对共建', () => {
  it('flags 石桥村, pairs it with 红旗村 for 2026 with activities, and keeps a reviewed enterprise pairing; twice is once', async () => {
    await seedDemoCity(db);
    const count = async () => [await db.pairing.count({ where: { OR: [{ brandOrg: { code: 'SF-XC-WY-02' } }, { partnerName: '星河物流有限公司', brandOrg: { code: 'SF-JG-01' } }] } }), await db.pairingActivity.count({ where: { pairing: { brandOrg: { code: { in: ['SF-XC-WY-02', 'SF-JG-01'] } } } } })];
    const first = await count();
    await seedDemoCity(db);
    expect(await count()).toEqual(first);
    expect(first).toEqual([2, 7]);
    expect(await db.organization.findUniqueOrThrow({ where: { code: 'SF-XC-WY-01' }, select: { isLagging: true } })).toEqual({ isLagging: true });
    const enterprise = await db.pairing.findFirstOrThrow({ where: { partnerName: '星河物流有限公司', brandOrg: { code: 'SF-JG-01' } } });
    expect([enterprise.status, enterprise.verdict]).toEqual(['REVIEWED', 'GOOD']);

    // The city's organization department sees both; 东华街道党工委 sees neither; 市直机关工委 sees its enterprise pairing.
    const user = async (loginName: string) => {
      const row = await db.user.findUniqueOrThrow({ where: { loginName } });
      return { id: row.id, sessionId: 'demo', loginName, displayName: row.displayName, mustChangePassword: false, roles: await loadGrants(db, row.id) };
    };
    const admin = await user('admin');
    const ids = (await listPairings(admin)).map((row) => row.id);
    expect(ids).toContain(enterprise.id);
    expect((await listPairings(await user('dh-admin'))).map((row) => row.id)).not.toContain(enterprise.id);
    expect((await listPairings(await user('jg-admin'))).map((row) => row.id)).toContain(enterprise.id);
    const branch = await db.pairing.findFirstOrThrow({ where: { brandOrg: { code: 'SF-XC-WY-02' }, partnerOrg: { code: 'SF-XC-WY-01' } } });
    const detail = await loadPairingDetail(admin, branch.id);
    expect(detail.months.map((month) => month.month)).toEqual(['2026-11', '2026-09', '2026-07', '2026-05', '2026-03']);
  });
});
