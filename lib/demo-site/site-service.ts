// 示范点: created and edited by staff whose subtree holds the site's organization (inside the program owner's subtree),
// photos added by them or by the organization's branch secretary, 摘牌 with a reason (the site is then frozen).
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import type { TRoleGrant } from '@/lib/auth/session';
import { claimableFiles } from '@/lib/files/claim';
import { loadActorGrants } from '@/lib/checklist/subject';
import { assertManageSite, canAddSitePhotos, canManageSite } from '@/lib/demo-site/access';
import {
  ZCreateSite,
  ZRemoveSitePhoto,
  ZRevokeSite,
  ZSitePhotos,
  ZUpdateSite,
  type TCreateSiteInput,
  type TRemoveSitePhotoInput,
  type TRevokeSiteInput,
  type TSitePhotosInput,
  type TUpdateSiteInput,
} from '@/lib/demo-site/schema';

type TContext = TAuditContext & { actorId: string };

type TSiteFields = { organizationId: string; brandId: string | null; name: string; level: 'CITY' | 'COUNTY'; address: string; latitude: number | null; longitude: number | null; description: string };

/** The organization is in the actor's scope and the program owner's subtree; the brand, if any, is that organization's. */
async function checkSiteFields(tx: TTx, grants: TRoleGrant[], programOwnerPath: string, fields: TSiteFields) {
  const org = await tx.organization.findUnique({ where: { id: fields.organizationId }, select: { id: true, path: true, isActive: true } });
  if (!org?.isActive || !canManageSite(grants, org.path)) throw new AppError('FORBIDDEN', '只能为本单位及下级组织设立示范点', { organizationId: '只能选择本单位及下级组织' });
  if (!org.path.startsWith(programOwnerPath)) throw new AppError('INVALID_INPUT', '该组织不在这项示范建设的范围内', { organizationId: '该组织不在示范建设的范围内' });
  if (fields.brandId) {
    const brand = await tx.brand.findUnique({ where: { id: fields.brandId }, select: { organizationId: true } });
    if (brand?.organizationId !== org.id) throw new AppError('INVALID_INPUT', '所选品牌不属于该组织', { brandId: '所选品牌不属于该组织' });
  }
  return org;
}

const siteData = (fields: TSiteFields) => ({
  organizationId: fields.organizationId,
  brandId: fields.brandId,
  name: fields.name,
  level: fields.level,
  address: fields.address,
  latitude: fields.latitude,
  longitude: fields.longitude,
  description: fields.description,
});

export async function createDemoSite(input: TCreateSiteInput, context: TContext) {
  const { programId, ...fields } = ZCreateSite.parse(input);
  return db.$transaction(async (tx) => {
    const program = await tx.demoProgram.findUnique({ where: { id: programId }, select: { id: true, ownerOrg: { select: { path: true } } } });
    if (!program) throw new AppError('NOT_FOUND', '示范建设不存在');
    await checkSiteFields(tx, await loadActorGrants(tx, context.actorId), program.ownerOrg.path, fields);
    const site = await tx.demoSite.create({ data: { programId, ...siteData(fields), createdById: context.actorId }, select: { id: true } });
    await recordAudit(tx, context, { action: 'create-demo-site', entityType: 'DemoSite', entityId: site.id, after: { programId, ...fields } });
    return site;
  });
}

/** The site row locked for the operation, with what its rules need. */
async function lockSite(tx: TTx, siteId: string) {
  await tx.$queryRaw`SELECT id FROM demo_sites WHERE id = ${siteId} FOR UPDATE`;
  const site = await tx.demoSite.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      programId: true,
      name: true,
      status: true,
      organizationId: true,
      brandId: true,
      level: true,
      address: true,
      latitude: true,
      longitude: true,
      description: true,
      organization: { select: { path: true } },
      program: { select: { ownerOrg: { select: { path: true } }, startYear: true, years: true, scoreSheet: true } },
    },
  });
  if (!site) throw new AppError('NOT_FOUND', '示范点不存在');
  return site;
}

function assertActive(site: { status: string }) {
  if (site.status === 'REVOKED') throw new AppError('CONFLICT', '该示范点已摘牌，不能再修改');
}

export async function updateDemoSite(input: TUpdateSiteInput, context: TContext) {
  const { siteId, ...fields } = ZUpdateSite.parse(input);
  return db.$transaction(async (tx) => {
    const site = await lockSite(tx, siteId);
    const grants = await loadActorGrants(tx, context.actorId);
    assertManageSite(grants, site.organization.path);
    assertActive(site);
    await checkSiteFields(tx, grants, site.program.ownerOrg.path, fields);
    await tx.demoSite.update({ where: { id: site.id }, data: siteData(fields) });
    const before = { ...site, latitude: site.latitude?.toNumber() ?? null, longitude: site.longitude?.toNumber() ?? null, organization: undefined, program: undefined };
    await recordAudit(tx, context, { action: 'update-demo-site', entityType: 'DemoSite', entityId: site.id, before, after: fields });
    return { id: site.id };
  });
}

export async function addDemoSitePhotos(input: TSitePhotosInput, context: TContext) {
  const data = ZSitePhotos.parse(input);
  return db.$transaction(async (tx) => {
    const site = await lockSite(tx, data.siteId);
    if (!canAddSitePhotos(await loadActorGrants(tx, context.actorId), site.organization.path)) throw new AppError('FORBIDDEN', '您不能为这个示范点上传照片');
    assertActive(site);
    const kinds = await claimableFiles(tx, context.actorId, data.fileIds);
    if ([...kinds.values()].some((kind) => kind !== 'IMAGE')) throw new AppError('INVALID_INPUT', '示范点照片只能是图片');
    const count = await tx.demoSitePhoto.count({ where: { siteId: site.id } });
    if (count + data.fileIds.length > 30) throw new AppError('INVALID_INPUT', '每个示范点至多 30 张照片');
    await tx.demoSitePhoto.createMany({ data: data.fileIds.map((fileId, index) => ({ siteId: site.id, fileId, sortOrder: count + index })) });
    await recordAudit(tx, context, { action: 'set-demo-site-photos', entityType: 'DemoSite', entityId: site.id, after: { added: data.fileIds } });
    return { photos: count + data.fileIds.length };
  });
}

export async function removeDemoSitePhoto(input: TRemoveSitePhotoInput, context: TContext) {
  const data = ZRemoveSitePhoto.parse(input);
  return db.$transaction(async (tx) => {
    const site = await lockSite(tx, data.siteId);
    const grants = await loadActorGrants(tx, context.actorId);
    const photo = await tx.demoSitePhoto.findUnique({ where: { siteId_fileId: { siteId: site.id, fileId: data.fileId } }, select: { file: { select: { uploadedById: true } } } });
    if (!canAddSitePhotos(grants, site.organization.path)) throw new AppError('FORBIDDEN', '您不能修改这个示范点的照片');
    if (!photo) throw new AppError('INVALID_INPUT', '照片不存在或已移除，请刷新页面');
    if (!canManageSite(grants, site.organization.path) && photo.file.uploadedById !== context.actorId) throw new AppError('FORBIDDEN', '只能移除自己上传的照片');
    assertActive(site);
    await tx.demoSitePhoto.delete({ where: { siteId_fileId: { siteId: site.id, fileId: data.fileId } } });
    await recordAudit(tx, context, { action: 'set-demo-site-photos', entityType: 'DemoSite', entityId: site.id, before: { removed: data.fileId } });
    return { id: site.id };
  });
}

/** 摘牌: the decision and its reason by database time; public pages stop showing the site's photos at once. */
export async function revokeDemoSite(input: TRevokeSiteInput, context: TContext) {
  const { siteId } = ZRevokeSite.pick({ siteId: true }).parse(input);
  return db.$transaction(async (tx) => {
    const site = await lockSite(tx, siteId);
    assertManageSite(await loadActorGrants(tx, context.actorId), site.organization.path);
    // The reason is judged once the actor may decide at all.
    const data = ZRevokeSite.parse(input);
    if (site.status === 'REVOKED') throw new AppError('CONFLICT', '该示范点已经摘牌');
    const revokedAt = await dbNow(tx);
    await tx.demoSite.update({ where: { id: site.id }, data: { status: 'REVOKED', revokedAt, revokeReason: data.reason, revokedById: context.actorId } });
    await recordAudit(tx, context, { action: 'revoke-demo-site', entityType: 'DemoSite', entityId: site.id, after: { name: site.name, revokedAt, reason: data.reason } });
    return { id: site.id, programId: site.programId };
  });
}

export { lockSite, assertActive };
