// 培育创建 enrolment: the entries on a published 品牌清单 (创建认定) or honoured by the 表彰决定 (选树评选, when the campaign
// has the 培育创建 stage switched on) each get a Cultivation row — and a lasting Brand if their declaration has none —
// in the publishing transaction. One cultivation per entry (unique application_id): publishing again enrols only
// entries not yet enrolled.
import type { TTx } from '@/lib/db';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { brandForDeclaration } from '@/lib/brand/assign';

export type TEnrolment = { created: number; cultivationIds: string[] };

/** Whether the campaign grows its entries after the list / decision: 创建认定 always, 选树 when 培育创建 is enabled. */
export async function enrolsCultivation(tx: TTx, campaignId: string): Promise<boolean> {
  const campaign = await tx.campaign.findUnique({
    where: { id: campaignId },
    select: { program: true, stages: { where: { kind: 'CULTIVATION' }, select: { isEnabled: true } } },
  });
  if (!campaign) return false;
  return campaign.program === 'CREATION' || !!campaign.stages[0]?.isEnabled;
}

/**
 * Enrols `applicationIds` of the campaign in 培育创建 (call inside the publishing transaction; the caller holds the
 * campaign row lock, and the unique application_id keeps it to one cultivation per entry even so). Writes one audit row.
 */
export async function enrolCultivations(
  tx: TTx,
  context: TAuditContext,
  input: { campaignId: string; applicationIds: readonly string[]; source: 'list' | 'announcement' },
): Promise<TEnrolment> {
  if (!input.applicationIds.length) return { created: 0, cultivationIds: [] };
  const entries = await tx.application.findMany({
    where: { campaignId: input.campaignId, id: { in: [...input.applicationIds] }, cultivation: null },
    select: { id: true, organizationId: true, brandName: true, brandId: true },
    orderBy: { id: 'asc' },
  });
  const cultivationIds: string[] = [];
  for (const entry of entries) {
    let brandId = entry.brandId;
    if (!brandId) {
      brandId = await brandForDeclaration(tx, { organizationId: entry.organizationId, brandName: entry.brandName });
      await tx.application.update({ where: { id: entry.id }, data: { brandId } });
    }
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO cultivations (id, brand_id, campaign_id, application_id, status, started_at, created_at, updated_at)
      VALUES (gen_random_uuid()::text, ${brandId}, ${input.campaignId}, ${entry.id}, 'CULTIVATING', now(), now(), now())
      ON CONFLICT (application_id) DO NOTHING
      RETURNING id`;
    cultivationIds.push(...rows.map((row) => row.id));
  }
  if (cultivationIds.length) {
    await recordAudit(tx, context, {
      action: 'enrol-cultivations',
      entityType: 'Campaign',
      entityId: input.campaignId,
      after: { source: input.source, cultivations: cultivationIds.length, applicationIds: entries.map((entry) => entry.id) },
    });
  }
  return { created: cultivationIds.length, cultivationIds };
}

/**
 * A later 品牌清单 version that no longer lists an entry ends its 培育创建 (创建认定): the brand keeps its history, but no
 * plan, 台帐 or acceptance request is taken any more. Brands already in acceptance or recognised are left as they are.
 */
export async function endDroppedCultivations(tx: TTx, context: TAuditContext, input: { campaignId: string; listedApplicationIds: readonly string[] }): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string; application_id: string }[]>`
    UPDATE cultivations SET status = 'ENDED', ended_at = now(), updated_at = now()
    WHERE campaign_id = ${input.campaignId} AND status = 'CULTIVATING' AND NOT (application_id = ANY(${[...input.listedApplicationIds]}::text[]))
    RETURNING id, application_id`;
  if (rows.length) {
    await recordAudit(tx, context, {
      action: 'end-cultivations',
      entityType: 'Campaign',
      entityId: input.campaignId,
      after: { source: 'list', ended: rows.length, applicationIds: rows.map((row) => row.application_id) },
    });
  }
  return rows.map((row) => row.id);
}
