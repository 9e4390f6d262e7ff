import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadGrants } from '@/lib/application/access';
import { getApplicationForUser } from '@/lib/application/queries';
import { returnApplication } from '@/lib/application/service';
import { returnEntry } from '@/lib/recommendation/service';
import { finaliseCampaign } from '@/lib/publicity/service';
import { rejection } from '../support/errors';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { createRecommendationScope } from '../support/recommendations';
import { createListedScope } from '../support/reviews';

const context = (actorId: string) => ({ actorId, ip: '10.9.17.5' });

async function returnAudits(applicationId: string) {
  return db.auditLog.count({ where: { entityId: applicationId, action: 'return-application' } });
}

describe('退回重新申报: offered and allowed only while the branch could resubmit', () => {
  it('refuses an honoured entry to the organization department and the committee with the reason, and hides the button', async () => {
    const scope = await createAwardedScope({ entries: 2, awarded: 1 });
    const campaignId = scope.campaign.id;
    await openPublicity(campaignId, scope.cityAdmin.id);
    await endPublicity(campaignId);
    await finaliseCampaign(
      { campaignId, title: '关于命名表彰优秀党建品牌的决定', documentNo: '示范组通〔2026〕17号', preamble: '经逐级推荐、评审和公示，决定予以通报表扬。', issuedOn: shanghaiDay() },
      { actorId: scope.cityAdmin.id },
    );
    const [honoured] = scope.entries;
    expect(await db.honor.count({ where: { applicationId: honoured.id, revokedAt: null } })).toBe(1);

    for (const actor of [scope.cityAdmin, scope.committeeAdmin, scope.districtAdmin]) {
      const refused = await rejection(returnApplication({ applicationId: honoured.id, reason: '请补充获奖后的材料' }, context(actor.id)));
      expect({ code: refused.code, message: refused.message }).toEqual({ code: 'CONFLICT', message: '该品牌已列入表彰决定，不能退回' });
      expect((await getApplicationForUser(honoured.id, await loadGrants(db, actor.id))).canReturn).toBe(false);
    }
    expect(await db.application.findUniqueOrThrow({ where: { id: honoured.id }, select: { status: true, returnReason: true } })).toEqual({ status: 'SUBMITTED', returnReason: null });
    expect(await returnAudits(honoured.id)).toBe(0);
  });

  it('refuses an entry of a signed 审定 before any 表彰决定, naming the decision', async () => {
    const scope = await createAwardedScope({ entries: 1 });
    const [entry] = scope.entries;
    const refused = await rejection(returnApplication({ applicationId: entry.id, reason: '请补充主要做法的数据' }, context(scope.cityAdmin.id)));
    expect({ code: refused.code, message: refused.message }).toEqual({ code: 'CONFLICT', message: '该品牌已列入签署的初评审定结果，不能退回' });
    expect((await getApplicationForUser(entry.id, await loadGrants(db, scope.cityAdmin.id))).canReturn).toBe(false);
  });

  it('refuses once 资格审查 is over (the branch could no longer resubmit) and while 资格审查 runs', async () => {
    const scope = await createListedScope(2);
    const [first, second] = scope.entries;
    const during = await rejection(returnApplication({ applicationId: first.id, reason: '请补充主要做法的数据' }, context(scope.cityAdmin.id)));
    expect({ code: during.code, message: during.message }).toEqual({ code: 'STAGE_LOCKED', message: '逐级推荐阶段未在进行中，退回后申报单位无法重新提交，不能退回' });

    await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '1 millisecond' WHERE campaign_id = ${scope.campaign.id} AND kind = 'QUALIFICATION'`;
    const after = await rejection(returnApplication({ applicationId: second.id, reason: '请补充主要做法的数据' }, context(scope.cityAdmin.id)));
    expect({ code: after.code, message: after.message }).toEqual({ code: 'STAGE_LOCKED', message: '资格审查已结束，该申报已进入评定环节，不能再退回重新申报' });
    expect((await getApplicationForUser(second.id, await loadGrants(db, scope.cityAdmin.id))).canReturn).toBe(false);
    expect(await db.application.count({ where: { id: { in: [first.id, second.id] }, status: 'SUBMITTED' } })).toBe(2);
  });

  it('still offers and performs the return during 逐级推荐', async () => {
    const scope = await createRecommendationScope({ entries: 1 });
    const [entry] = scope.entries;
    expect((await getApplicationForUser(entry.id, await loadGrants(db, scope.committeeAdmin.id))).canReturn).toBe(true);
    await returnEntry({ applicationId: entry.id, organizationId: scope.committee.id, reason: '请补充主要做法的数据' }, context(scope.committeeAdmin.id));
    expect(await db.application.findUniqueOrThrow({ where: { id: entry.id }, select: { status: true } })).toEqual({ status: 'RETURNED' });
    const again = await rejection(returnApplication({ applicationId: entry.id, reason: '再退一次试试看' }, context(scope.cityAdmin.id)));
    expect({ code: again.code, message: again.message }).toEqual({ code: 'CONFLICT', message: '该申报已退回申报单位，正在等待重新申报' });
    expect((await getApplicationForUser(entry.id, await loadGrants(db, scope.cityAdmin.id))).canReturn).toBe(false);
  });
});
