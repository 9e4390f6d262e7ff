// The subject a checklist belongs to (a 示范点 or a 示范带) and who may do what with it, judged against database state.
// Staff (ORG_ADMIN / COMMITTEE_ADMIN) whose subtree holds the site's organization — or the belt's owner — give
// verdicts; the branch secretary of the site's organization may add evidence (photos, files) but gives no verdict.
import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import type { TChecklistTemplate } from '@/lib/demo/templates';
import type { TChecklistSubject } from '@/lib/checklist/schema';

export type TLoadedSubject = {
  kind: 'site' | 'belt';
  id: string;
  name: string;
  /** The organization whose subtree's staff manage it: the site's organization, the belt's owner. */
  orgPath: string;
  /** A revoked site (摘牌) is frozen. */
  isRevoked: boolean;
  lists: TChecklistTemplate[];
};

/** The program's lists as stored (Json): only well-formed lists count. */
export function parseChecklists(value: unknown): TChecklistTemplate[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((list) => {
    if (!list || typeof list !== 'object') return [];
    const { key, name, items } = list as Record<string, unknown>;
    if (typeof key !== 'string' || typeof name !== 'string' || !Array.isArray(items)) return [];
    return [{ key, name, items: items.filter((item): item is string => typeof item === 'string') }];
  });
}

export async function loadSubject(tx: TTx, subject: TChecklistSubject): Promise<TLoadedSubject | null> {
  if ('siteId' in subject) {
    const site = await tx.demoSite.findUnique({
      where: { id: subject.siteId },
      select: { id: true, name: true, status: true, organization: { select: { path: true } }, program: { select: { siteChecklists: true } } },
    });
    if (!site) return null;
    return { kind: 'site', id: site.id, name: site.name, orgPath: site.organization.path, isRevoked: site.status === 'REVOKED', lists: parseChecklists(site.program.siteChecklists) };
  }
  const belt = await tx.demoBelt.findUnique({
    where: { id: subject.beltId },
    select: { id: true, name: true, ownerOrg: { select: { path: true } }, program: { select: { beltChecklists: true } } },
  });
  if (!belt) return null;
  return { kind: 'belt', id: belt.id, name: belt.name, orgPath: belt.ownerOrg.path, isRevoked: false, lists: parseChecklists(belt.program.beltChecklists) };
}

/** The actor's current grants, read inside the transaction (a role removed a second ago no longer counts). */
export async function loadActorGrants(tx: TTx, actorId: string | null): Promise<TRoleGrant[]> {
  if (!actorId) return [];
  const rows = await tx.roleAssignment.findMany({
    where: { userId: actorId, user: { isDisabled: false }, organization: { isActive: true } },
    select: { role: true, organization: { select: { id: true, name: true, path: true } } },
  });
  return rows.map((row) => ({ role: row.role, organizationId: row.organization.id, organizationName: row.organization.name, organizationPath: row.organization.path }));
}

export function canJudge(grants: readonly TRoleGrant[], subject: Pick<TLoadedSubject, 'orgPath'>): boolean {
  return grantsRoleAt(grants, ['ORG_ADMIN', 'COMMITTEE_ADMIN'], subject.orgPath);
}

/** Staff give verdicts; the site organization's secretary adds evidence too. */
export function canAddEvidence(grants: readonly TRoleGrant[], subject: Pick<TLoadedSubject, 'orgPath' | 'kind'>): boolean {
  return canJudge(grants, subject) || (subject.kind === 'site' && grantsRoleAt(grants, ['BRANCH_SECRETARY'], subject.orgPath));
}

/** Someone outside learns only that it does not exist. */
export function assertCanSee(grants: readonly TRoleGrant[], subject: TLoadedSubject | null): asserts subject is TLoadedSubject {
  if (!subject || !canAddEvidence(grants, subject)) throw new AppError('NOT_FOUND', '示范点或示范带不存在，或您无权查看');
}

export function assertNotRevoked(subject: TLoadedSubject): void {
  if (subject.isRevoked) throw new AppError('CONFLICT', '该示范点已摘牌，不能再修改');
}

/** The item the program's list names at this index. */
export function findListItem(subject: TLoadedSubject, listKey: string, itemIndex: number): { list: TChecklistTemplate; itemName: string } {
  const list = subject.lists.find((candidate) => candidate.key === listKey);
  const itemName = list?.items[itemIndex];
  if (!list || itemName === undefined) throw new AppError('NOT_FOUND', '该检查项不存在，请刷新页面');
  return { list, itemName };
}
