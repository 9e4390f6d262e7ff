// 示范带: created by a committee in a 示范建设 program; its 立项 content (factors) and three-year plan saved with an
// optimistic revision (the row's updatedAt); sites added, removed and reordered along the route; submitted for 立项 with
// at least its minimum of sites (also a deferred trigger, migration 0028); approved or returned by the program's
// organization department. Every change locks the belt row first, so a removal and a submission queue up.
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { grantsRoleAt } from '@/lib/auth/scope';
import { usersAt, usersCovering } from '@/lib/notifications/recipients';
import { notify } from '@/lib/notifications/service';
import { assertBeltDecider, assertBeltManager, loadBelt, type TBeltTarget } from '@/lib/belt/access';
import {
  factorsFor,
  planForYears,
  ZBeltRef,
  ZBeltSite,
  ZCreateBelt,
  ZDecideBelt,
  ZMoveBeltSite,
  ZSaveBelt,
  type TBeltSiteInput,
  type TCreateBeltInput,
  type TDecideBeltInput,
  type TMoveBeltSiteInput,
  type TSaveBeltInput,
} from '@/lib/belt/schema';

type TContext = TAuditContext & { actorId: string };

const beltLink = (id: string) => `/admin/demo/belts/${id}`;

async function openBelt(tx: TTx, beltId: string, actorId: string): Promise<TBeltTarget> {
  const target = await loadBelt(tx, beltId, true);
  assertBeltManager(await loadGrants(tx, actorId), target);
  return target;
}

export async function createBelt(input: TCreateBeltInput, context: TContext) {
  const data = ZCreateBelt.parse(input);
  return db.$transaction(async (tx) => {
    const program = await tx.demoProgram.findUnique({
      where: { id: data.programId },
      select: { id: true, startYear: true, years: true, minSitesPerBelt: true, beltFactors: true, ownerOrg: { select: { path: true } } },
    });
    const owner = await tx.organization.findUnique({ where: { id: data.ownerOrgId }, select: { id: true, name: true, path: true, isActive: true } });
    const grants = await loadGrants(tx, context.actorId);
    const staffInProgram = (path: string) =>
      grants.some((grant) => (grant.role === 'COMMITTEE_ADMIN' || grant.role === 'ORG_ADMIN') && (grant.organizationPath.startsWith(path) || path.startsWith(grant.organizationPath)));
    if (!program || !staffInProgram(program.ownerOrg.path)) {
      throw new AppError('NOT_FOUND', '示范建设项目不存在或您无权查看');
    }
    if (!owner || !owner.isActive) throw new AppError('INVALID_INPUT', '请选择建设单位', { ownerOrgId: '请选择建设单位' });
    if (!grantsRoleAt(grants, ['COMMITTEE_ADMIN', 'ORG_ADMIN'], owner.path)) throw new AppError('FORBIDDEN', '只能为本单位或下级单位建设示范带');
    if (!owner.path.startsWith(program.ownerOrg.path)) throw new AppError('INVALID_INPUT', '建设单位须在该示范建设项目的范围内', { ownerOrgId: '建设单位须在该示范建设项目的范围内' });
    const belt = await tx.demoBelt.create({
      data: {
        programId: program.id,
        ownerOrgId: owner.id,
        name: data.name,
        description: data.description,
        factors: factorsFor(program.beltFactors, {}),
        plan: planForYears(program.startYear, program.years, []),
        minSites: program.minSitesPerBelt,
        createdById: context.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, context, { action: 'create-belt', entityType: 'DemoBelt', entityId: belt.id, after: { name: data.name, ownerOrg: owner.name, programId: program.id } });
    return belt;
  });
}

const LOCKED_CONTENT = '示范带已提交立项，名称、简介和立项要素不能再修改；三年计划的年度节点仍可更新';

/** Autosave: refuses a save from an older revision (another window saved since); returns the new revision. */
export async function saveBelt(input: TSaveBeltInput, context: TContext) {
  const data = ZSaveBelt.parse(input);
  return db.$transaction(async (tx) => {
    const target = await openBelt(tx, data.beltId, context.actorId);
    if (target.updatedAt.toISOString() !== data.revision) throw new AppError('CONFLICT', '示范带已在另一个窗口保存过，本窗口的内容仍在页面上，请复制后刷新页面');
    const current = await tx.demoBelt.findUniqueOrThrow({ where: { id: target.id }, select: { name: true, description: true, factors: true, plan: true } });
    const factors = factorsFor(target.program.beltFactors, data.factors);
    const plan = planForYears(target.program.startYear, target.program.years, data.plan);
    const contentLocked = target.status === 'SUBMITTED' || target.status === 'APPROVED';
    const currentFactors = factorsFor(target.program.beltFactors, current.factors);
    const contentChanged = current.name !== data.name || current.description !== data.description || JSON.stringify(currentFactors) !== JSON.stringify(factors);
    if (contentLocked && contentChanged) throw new AppError('CONFLICT', LOCKED_CONTENT);
    const saved = await tx.demoBelt.update({
      where: { id: target.id },
      data: { name: data.name, description: data.description, factors, plan },
      select: { id: true, updatedAt: true },
    });
    await recordAudit(tx, context, {
      action: 'save-belt',
      entityType: 'DemoBelt',
      entityId: target.id,
      before: { name: current.name, plan: current.plan },
      after: { name: data.name, plan, factorsFilled: Object.values(factors).filter((text) => text.trim()).length },
    });
    return { id: saved.id, revision: saved.updatedAt.toISOString(), savedAt: saved.updatedAt.toISOString() };
  });
}

/** Puts the belt's sites in this order as route 1 … n: first past every current number, then to the final ones (the
 * (belt_id, route_order) unique constraint is checked row by row and is not deferrable; route_order must stay ≥ 1). */
async function renumber(tx: TTx, beltId: string, siteIds: readonly string[]): Promise<void> {
  if (!siteIds.length) return;
  await tx.$executeRaw`UPDATE belt_sites SET route_order = route_order + 100000 WHERE belt_id = ${beltId}`;
  await tx.$executeRaw`
    UPDATE belt_sites b SET route_order = o.ord
    FROM unnest(${[...siteIds]}::text[]) WITH ORDINALITY AS o(site_id, ord)
    WHERE b.belt_id = ${beltId} AND b.site_id = o.site_id`;
}

async function routeOf(tx: TTx, beltId: string) {
  return tx.beltSite.findMany({ where: { beltId }, orderBy: { routeOrder: 'asc' }, select: { siteId: true, routeOrder: true, site: { select: { name: true, status: true } } } });
}

export async function addBeltSite(input: TBeltSiteInput, context: TContext) {
  const data = ZBeltSite.parse(input);
  return db.$transaction(async (tx) => {
    const target = await openBelt(tx, data.beltId, context.actorId);
    const site = await tx.demoSite.findUnique({ where: { id: data.siteId }, select: { id: true, name: true, programId: true, status: true, organization: { select: { path: true } } } });
    if (!site || site.programId !== target.program.id) throw new AppError('NOT_FOUND', '示范点不存在或不属于该示范建设项目');
    if (!site.organization.path.startsWith(target.ownerOrg.path)) throw new AppError('FORBIDDEN', `“${site.name}”不在${target.ownerOrg.name}的范围内，不能加入该示范带`);
    if (site.status !== 'ACTIVE') throw new AppError('CONFLICT', `“${site.name}”已被摘牌，不能加入示范带`);
    const route = await routeOf(tx, target.id);
    if (route.some((stop) => stop.siteId === site.id)) throw new AppError('CONFLICT', `“${site.name}”已在示范带上`);
    const routeOrder = route.length ? Math.max(...route.map((stop) => stop.routeOrder)) + 1 : 1;
    await tx.beltSite.create({ data: { beltId: target.id, siteId: site.id, routeOrder } });
    await recordAudit(tx, context, { action: 'add-belt-site', entityType: 'DemoBelt', entityId: target.id, after: { site: site.name, routeOrder } });
    return { count: route.length + 1 };
  });
}

export async function removeBeltSite(input: TBeltSiteInput, context: TContext) {
  const data = ZBeltSite.parse(input);
  return db.$transaction(async (tx) => {
    const target = await openBelt(tx, data.beltId, context.actorId);
    const route = await routeOf(tx, target.id);
    const stop = route.find((candidate) => candidate.siteId === data.siteId);
    if (!stop) throw new AppError('CONFLICT', '该示范点已不在示范带上');
    if ((target.status === 'SUBMITTED' || target.status === 'APPROVED') && route.length - 1 < target.minSites) {
      throw new AppError('CONFLICT', `示范带${target.status === 'APPROVED' ? '已立项' : '已提交立项'}，示范点不能少于 ${target.minSites} 个；请先加入其他示范点再移出“${stop.site.name}”`);
    }
    await tx.beltSite.delete({ where: { beltId_siteId: { beltId: target.id, siteId: stop.siteId } } });
    await renumber(tx, target.id, route.filter((candidate) => candidate.siteId !== stop.siteId).map((candidate) => candidate.siteId));
    await recordAudit(tx, context, { action: 'remove-belt-site', entityType: 'DemoBelt', entityId: target.id, before: { site: stop.site.name, routeOrder: stop.routeOrder } });
    return { count: route.length - 1 };
  });
}

export async function moveBeltSite(input: TMoveBeltSiteInput, context: TContext) {
  const data = ZMoveBeltSite.parse(input);
  return db.$transaction(async (tx) => {
    const target = await openBelt(tx, data.beltId, context.actorId);
    const route = await routeOf(tx, target.id);
    const index = route.findIndex((candidate) => candidate.siteId === data.siteId);
    if (index < 0) throw new AppError('CONFLICT', '该示范点已不在示范带上');
    const other = data.direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= route.length) throw new AppError('CONFLICT', data.direction === 'up' ? '已是线路的第一站' : '已是线路的最后一站');
    const order = route.map((stop) => stop.siteId);
    [order[index], order[other]] = [order[other]!, order[index]!];
    await renumber(tx, target.id, order);
    await recordAudit(tx, context, { action: 'move-belt-site', entityType: 'DemoBelt', entityId: target.id, before: { site: route[index]!.site.name, routeOrder: index + 1 }, after: { routeOrder: other + 1 } });
    return { routeOrder: other + 1 };
  });
}

/** Why the belt cannot be submitted now (null when it can): the minimum first ("还差 N 个示范点"), then the 立项 factors. */
export function submitRefusal(belt: { minSites: number; siteCount: number; revokedSites: string[]; missingFactors: string[] }): string | null {
  if (belt.siteCount < belt.minSites) return `还差 ${belt.minSites - belt.siteCount} 个示范点：示范带至少需要 ${belt.minSites} 个示范点才能提交立项（现有 ${belt.siteCount} 个）`;
  if (belt.revokedSites.length) return `${belt.revokedSites.map((name) => `“${name}”`).join('、')}已被摘牌，请先移出示范带`;
  if (belt.missingFactors.length) return `请先填写立项要素：${belt.missingFactors.join('、')}`;
  return null;
}

export async function submitBelt(input: { beltId: string }, context: TContext) {
  const { beltId } = ZBeltRef.parse(input);
  return db.$transaction(async (tx) => {
    const target = await openBelt(tx, beltId, context.actorId);
    if (target.status === 'SUBMITTED') throw new AppError('CONFLICT', '示范带已提交立项，请等待审批');
    if (target.status === 'APPROVED') throw new AppError('CONFLICT', '示范带已立项');
    const route = await routeOf(tx, target.id);
    const belt = await tx.demoBelt.findUniqueOrThrow({ where: { id: target.id }, select: { factors: true } });
    const factors = factorsFor(target.program.beltFactors, belt.factors);
    const refusal = submitRefusal({
      minSites: target.minSites,
      siteCount: route.length,
      revokedSites: route.filter((stop) => stop.site.status !== 'ACTIVE').map((stop) => stop.site.name),
      missingFactors: Object.entries(factors).filter(([, text]) => !text.trim()).map(([factor]) => factor),
    });
    if (refusal) throw new AppError('CONFLICT', refusal);
    await tx.demoBelt.update({ where: { id: target.id }, data: { status: 'SUBMITTED', submittedAt: new Date(), returnReason: null, decidedAt: null, decidedById: null } });
    await recordAudit(tx, context, { action: 'submit-belt', entityType: 'DemoBelt', entityId: target.id, after: { name: target.name, sites: route.length } });
    await notify(tx, await usersCovering(tx, ['ORG_ADMIN'], target.program.ownerOrg.path), {
      kind: 'BELT_SUBMITTED',
      title: `${target.ownerOrg.name}提交了“${target.name}”的立项`,
      body: `「${target.program.title}」共 ${route.length} 个示范点，请审批立项。`,
      link: beltLink(target.id),
    });
    return { id: target.id, status: 'SUBMITTED' as const };
  });
}

export async function decideBelt(input: TDecideBeltInput, context: TContext) {
  const { beltId, decision, reason } = ZDecideBelt.parse(input);
  return db.$transaction(async (tx) => {
    const target = await loadBelt(tx, beltId, true);
    assertBeltDecider(await loadGrants(tx, context.actorId), target);
    if (target.status !== 'SUBMITTED') throw new AppError('CONFLICT', target.status === 'APPROVED' ? '示范带已立项' : '示范带尚未提交立项');
    const approve = decision === 'approve';
    await tx.demoBelt.update({
      where: { id: target.id },
      data: { status: approve ? 'APPROVED' : 'RETURNED', decidedAt: new Date(), decidedById: context.actorId, returnReason: approve ? null : reason },
    });
    await recordAudit(tx, context, { action: approve ? 'approve-belt' : 'return-belt', entityType: 'DemoBelt', entityId: target.id, after: { name: target.name, ...(approve ? {} : { reason }) } });
    const creator = await tx.demoBelt.findUniqueOrThrow({ where: { id: target.id }, select: { createdById: true } });
    await notify(tx, [...(await usersAt(tx, ['COMMITTEE_ADMIN'], target.ownerOrg.id)), ...(creator.createdById ? [creator.createdById] : [])], {
      kind: approve ? 'BELT_APPROVED' : 'BELT_RETURNED',
      title: approve ? `“${target.name}”已立项` : `“${target.name}”的立项被退回`,
      body: approve ? '请按三年计划推进建设，及时整改问题清单、落实提升清单。' : `退回原因：${reason}`,
      link: beltLink(target.id),
    });
    return { id: target.id, status: approve ? ('APPROVED' as const) : ('RETURNED' as const) };
  });
}
