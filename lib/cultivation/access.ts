// Who may do what with a cultivation, against database state: the brand's organization keeps its plan and 台帐
// (its branch secretary); the committees and organization departments above it oversee (read, approve, grid).
import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import type { CultivationStatus } from '@/lib/generated/prisma/enums';

export type TCultivationTarget = {
  id: string;
  campaignId: string;
  status: CultivationStatus;
  brandName: string;
  organization: { id: string; name: string; path: string };
  campaign: { title: string; ledgerDueDay: number; reminderSms: boolean };
};

/** Reads the cultivation; with `lock`, takes its row FOR UPDATE so entries and reports of it queue up. */
export async function loadCultivation(tx: TTx, cultivationId: string, lock = false): Promise<TCultivationTarget | null> {
  if (lock) {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cultivations WHERE id = ${cultivationId} FOR UPDATE`;
    if (!locked.length) return null;
  }
  const row = await tx.cultivation.findUnique({
    where: { id: cultivationId },
    select: {
      id: true,
      campaignId: true,
      status: true,
      brand: { select: { name: true, organization: { select: { id: true, name: true, path: true } } } },
      campaign: { select: { title: true, ledgerDueDay: true, reminderSms: true } },
    },
  });
  if (!row) return null;
  return { id: row.id, campaignId: row.campaignId, status: row.status, brandName: row.brand.name, organization: row.brand.organization, campaign: row.campaign };
}

export function isKeeper(grants: readonly TRoleGrant[], target: Pick<TCultivationTarget, 'organization'>): boolean {
  return grantsRoleAt(grants, ['BRANCH_SECRETARY'], target.organization.path);
}

/** A committee or organization department above the brand's organization (never the organization itself). */
export function isOverseer(grants: readonly TRoleGrant[], target: Pick<TCultivationTarget, 'organization'>): boolean {
  return grants.some(
    (grant) =>
      (grant.role === 'COMMITTEE_ADMIN' || grant.role === 'ORG_ADMIN') &&
      target.organization.path.startsWith(grant.organizationPath) &&
      grant.organizationPath !== target.organization.path,
  );
}

/** Someone outside learns only that it does not exist. */
export function assertCanReadCultivation(grants: readonly TRoleGrant[], target: TCultivationTarget | null): asserts target is TCultivationTarget {
  if (!target || !(isKeeper(grants, target) || isOverseer(grants, target))) throw new AppError('NOT_FOUND', '培育创建记录不存在或您无权查看');
}

export function assertKeeper(grants: readonly TRoleGrant[], target: TCultivationTarget | null): asserts target is TCultivationTarget {
  assertCanReadCultivation(grants, target);
  if (!isKeeper(grants, target)) throw new AppError('FORBIDDEN', '只有品牌所在组织的党组织书记可以填写创建方案和台帐');
}

export function assertOverseer(grants: readonly TRoleGrant[], target: TCultivationTarget | null): asserts target is TCultivationTarget {
  assertCanReadCultivation(grants, target);
  if (!isOverseer(grants, target)) throw new AppError('FORBIDDEN', '只有上级党(工)委或组织部可以审核创建方案');
}

export function assertCultivating(target: TCultivationTarget): void {
  if (target.status !== 'CULTIVATING' && target.status !== 'ACCEPTANCE') {
    throw new AppError('CONFLICT', target.status === 'RECOGNISED' ? '该品牌已通过验收认定，培育创建已结束' : '该品牌的培育创建已结束');
  }
}
