import { z } from 'zod';
import { db, type TDb, type TTx } from '@/lib/db';
import type { TRoleGrant } from '@/lib/auth/session';
import { grantsRoleAt, scopeRoots } from '@/lib/auth/scope';
import type { Prisma } from '@/lib/generated/prisma/client';

export const BRANDS_PAGE_SIZE = 20;

export const ZBrandSearch = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type TBrandSearch = z.output<typeof ZBrandSearch>;

/** Brands of organizations in the admin's subtrees (ORG_ADMIN grants), matching the name of the brand or organization. */
function scopeWhere(grants: readonly TRoleGrant[], q?: string): Prisma.BrandWhereInput {
  const roots = scopeRoots(grants, ['ORG_ADMIN']);
  return {
    organization: { OR: roots.map((root) => ({ path: { startsWith: root.organizationPath } })) },
    ...(q && { OR: [{ name: { contains: q, mode: 'insensitive' } }, { organization: { name: { contains: q, mode: 'insensitive' } } }] }),
  };
}

/** The staff brand list: newest activity first, with how many declarations, honours and cultivations each has. */
export async function listBrands(grants: readonly TRoleGrant[], search: TBrandSearch) {
  if (!scopeRoots(grants, ['ORG_ADMIN']).length) return { brands: [], total: 0, page: 1, pageCount: 1 };
  const where = scopeWhere(grants, search.q);
  const total = await db.brand.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / BRANDS_PAGE_SIZE));
  const page = Math.min(search.page ?? 1, pageCount);
  const rows = await db.brand.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * BRANDS_PAGE_SIZE,
    take: BRANDS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      organization: { select: { name: true } },
      _count: { select: { applications: true, cultivations: true } },
      cultivations: { select: { status: true }, orderBy: { startedAt: 'desc' }, take: 1 },
    },
  });
  const honourCounts = await db.honor.groupBy({ by: ['applicationId'], where: { revokedAt: null, application: { brandId: { in: rows.map((row) => row.id) } } }, _count: true });
  const honouredApps = await db.application.findMany({ where: { id: { in: honourCounts.map((row) => row.applicationId) } }, select: { id: true, brandId: true } });
  const honoursByBrand = new Map<string, number>();
  for (const row of honourCounts) {
    const brandId = honouredApps.find((app) => app.id === row.applicationId)?.brandId;
    if (brandId) honoursByBrand.set(brandId, (honoursByBrand.get(brandId) ?? 0) + row._count);
  }
  return {
    brands: rows.map((row) => ({
      id: row.id,
      name: row.name,
      organizationName: row.organization.name,
      declarations: row._count.applications,
      honours: honoursByBrand.get(row.id) ?? 0,
      cultivationStatus: row.cultivations[0]?.status ?? null,
    })),
    total,
    page,
    pageCount,
  };
}

export type TBrandListRow = Awaited<ReturnType<typeof listBrands>>['brands'][number];

/** One brand, if its organization lies in the admin's subtree (otherwise null: not found). */
export async function findBrandForStaff(brandId: string, grants: readonly TRoleGrant[]) {
  const brand = await db.brand.findUnique({
    where: { id: brandId },
    select: { id: true, name: true, createdAt: true, organization: { select: { id: true, name: true, path: true } } },
  });
  if (!brand || !grantsRoleAt(grants, ['ORG_ADMIN'], brand.organization.path)) return null;
  return brand;
}

export type TStaffBrand = NonNullable<Awaited<ReturnType<typeof findBrandForStaff>>>;

/** "从上次申报开始": the organizations' brands that have a submitted declaration, each with its latest one (for the label). */
export async function brandsOfOrganizations(organizationIds: readonly string[]) {
  if (!organizationIds.length) return new Map<string, { id: string; name: string; lastDeclared: string }[]>();
  const rows = await db.brand.findMany({
    where: { organizationId: { in: [...organizationIds] }, applications: { some: { submittedAt: { not: null } } } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      organizationId: true,
      applications: { where: { submittedAt: { not: null } }, orderBy: { submittedAt: 'desc' }, take: 1, select: { campaign: { select: { title: true } } } },
    },
  });
  const result = new Map<string, { id: string; name: string; lastDeclared: string }[]>();
  for (const row of rows) {
    const list = result.get(row.organizationId) ?? [];
    list.push({ id: row.id, name: row.name, lastDeclared: row.applications[0]?.campaign.title ?? '' });
    result.set(row.organizationId, list);
  }
  return result;
}

/**
 * The text of the brand's last submitted declaration, to start a new one from ("从上次申报开始"): the brand name and
 * text sections of the newest submitted version of any declaration of the brand, and its field's name. Null when the
 * brand is not the organization's or was never submitted.
 */
export async function lastDeclarationOfBrand(client: TDb | TTx, brandId: string, organizationId: string) {
  const version = await client.applicationVersion.findFirst({
    where: { application: { brandId, organizationId, brand: { organizationId } } },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    select: { snapshot: true },
  });
  if (!version) return null;
  const snapshot = (version.snapshot ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof snapshot[key] === 'string' ? (snapshot[key] as string) : '');
  return {
    texts: { brandName: text('brandName'), slogan: text('slogan'), essence: text('essence'), carriers: text('carriers'), norms: text('norms'), practices: text('practices'), honors: text('honors') },
    fieldName: text('fieldName'),
  };
}
