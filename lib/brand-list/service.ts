import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertQualifier } from '@/lib/qualification/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { loadQualificationPool } from '@/lib/qualification/pool';
import { endDroppedCultivations, enrolCultivations, enrolsCultivation } from '@/lib/brand/enrol';
import { CAMPAIGN_SELECT } from '@/lib/qualification/service';
import { BRAND_LIST_REASON_MIN, ZPublishBrandListInput, type TPublishBrandListInput } from '@/lib/brand-list/schema';

type TContext = TAuditContext & { tx?: TTx };

export const UNASSIGNED_FIELD_NAME = '未分领域';

/**
 * Freezes every entry that passed 资格审查 into version N+1 of the campaign's 品牌清单, with the names as they are now.
 * The campaign row is locked first, so simultaneous publications queue up and take versions N+1, N+2 … instead of
 * colliding on the unique version. FOR NO KEY UPDATE conflicts with itself and with the setup's FOR UPDATE, but not
 * with the key-share locks that inserting qualifications or recommendations takes on the campaign.
 */
export async function publishBrandList(input: TPublishBrandListInput, context: TContext) {
  const { campaignId, reason } = ZPublishBrandListInput.parse(input);
  const body = async (tx: TTx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR NO KEY UPDATE`;
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: CAMPAIGN_SELECT });
    if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
    await assertQualifier(tx, context.actorId, campaign.ownerOrg.path);
    const { now } = await requireOperation(tx, campaignId, 'publish-brand-list');
    const passed = (await loadQualificationPool(tx, campaign)).filter((entry) => entry.qualification?.result === 'PASSED');
    if (!passed.length) throw new AppError('CONFLICT', '还没有通过资格审查的品牌，不能发布空的品牌清单');
    const last = await tx.brandList.aggregate({ where: { campaignId }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    if (version > 1 && [...reason].length < BRAND_LIST_REASON_MIN) {
      const message = `品牌清单已发布过，发布新版本请写明变更理由，至少 ${BRAND_LIST_REASON_MIN} 个字`;
      throw new AppError('INVALID_INPUT', message, { reason: message });
    }
    const list = await tx.brandList.create({
      data: {
        campaignId,
        version,
        reason: reason || null,
        publishedById: context.actorId,
        publishedAt: now,
        entries: {
          create: passed.map((entry, index) => ({
            applicationId: entry.id,
            sortOrder: index + 1,
            brandName: entry.brandName,
            organizationName: entry.organization.name,
            fieldName: entry.field?.name ?? UNASSIGNED_FIELD_NAME,
            regionName: entry.region.name,
          })),
        },
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, context, {
      action: 'publish-brand-list',
      entityType: 'BrandList',
      entityId: list.id,
      after: { campaignId, version, reason: reason || null, entryCount: passed.length },
    });
    // 创建认定: the listed brands start 培育创建 now (a later version enrols only the newly listed ones, and ends the
    // cultivation of an entry it no longer lists).
    const creation = campaign.program === 'CREATION' && (await enrolsCultivation(tx, campaignId));
    const enrolled = creation
      ? await enrolCultivations(tx, context, { campaignId, applicationIds: passed.map((entry) => entry.id), source: 'list' })
      : { created: 0, cultivationIds: [] };
    if (creation && version > 1) await endDroppedCultivations(tx, context, { campaignId, listedApplicationIds: passed.map((entry) => entry.id) });
    return { campaignId, version: list.version, entryCount: passed.length, enrolled: enrolled.created };
  };
  return context.tx ? body(context.tx) : db.$transaction(body);
}
