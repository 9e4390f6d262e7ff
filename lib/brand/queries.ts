import { z } from 'zod';
import { db } from '@/lib/db';
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
