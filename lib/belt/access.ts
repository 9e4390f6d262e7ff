// Who may do what with a 示范带, against database state: the committee building it (COMMITTEE_ADMIN or ORG_ADMIN whose
// subtree holds the belt's owner organization) manages it; the organization department owning the program (ORG_ADMIN
// over the program's owner) decides its 立项. Anyone else learns only that it does not exist.
import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import type { BeltStatus } from '@/lib/generated/prisma/enums';

export type TBeltTarget = {
  id: string;
  name: string;
  status: BeltStatus;
  minSites: number;
  updatedAt: Date;
  ownerOrg: { id: string; name: string; path: string };
  program: { id: string; title: string; startYear: number; years: number; beltFactors: string[]; ownerOrg: { id: string; path: string } };
};

/** Reads the belt; with `lock`, takes its row FOR UPDATE so changes of its sites and its 立项 queue up. */
export async function loadBelt(tx: TTx, beltId: string, lock = false): Promise<TBeltTarget | null> {
  if (lock) {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM demo_belts WHERE id = ${beltId} FOR UPDATE`;
    if (!locked.length) return null;
  }
  return tx.demoBelt.findUnique({
    where: { id: beltId },
    select: {
      id: true,
      name: true,
      status: true,
      minSites: true,
      updatedAt: true,
      ownerOrg: { select: { id: true, name: true, path: true } },
      program: { select: { id: true, title: true, startYear: true, years: true, beltFactors: true, ownerOrg: { select: { id: true, path: true } } } },
    },
  });
}

export function isBeltManager(grants: readonly TRoleGrant[], target: Pick<TBeltTarget, 'ownerOrg'>): boolean {
  return grantsRoleAt(grants, ['COMMITTEE_ADMIN', 'ORG_ADMIN'], target.ownerOrg.path);
}

export function isBeltDecider(grants: readonly TRoleGrant[], target: Pick<TBeltTarget, 'program'>): boolean {
  return grantsRoleAt(grants, ['ORG_ADMIN'], target.program.ownerOrg.path);
}

export function assertCanReadBelt(grants: readonly TRoleGrant[], target: TBeltTarget | null): asserts target is TBeltTarget {
  if (!target || !(isBeltManager(grants, target) || isBeltDecider(grants, target))) throw new AppError('NOT_FOUND', '示范带不存在或您无权查看');
}

export function assertBeltManager(grants: readonly TRoleGrant[], target: TBeltTarget | null): asserts target is TBeltTarget {
  assertCanReadBelt(grants, target);
  if (!isBeltManager(grants, target)) throw new AppError('FORBIDDEN', '只有建设该示范带的党(工)委可以修改示范带');
}

export function assertBeltDecider(grants: readonly TRoleGrant[], target: TBeltTarget | null): asserts target is TBeltTarget {
  assertCanReadBelt(grants, target);
  if (!isBeltDecider(grants, target)) throw new AppError('FORBIDDEN', '只有示范建设的主办组织部可以审批立项');
}

/** Staff over a site's organization manage its 问题/提升清单. */
export function isSiteStaff(grants: readonly TRoleGrant[], organizationPath: string): boolean {
  return grantsRoleAt(grants, ['COMMITTEE_ADMIN', 'ORG_ADMIN'], organizationPath);
}
