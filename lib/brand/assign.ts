// A lasting brand (品牌) of an organization outlives the campaign it was declared in: every declaration belongs to one.
// Submitting a declaration assigns it, in the submit transaction: the brand the draft was started from, or the
// organization's brand of the same name, or a new one.
import type { TTx } from '@/lib/db';

/** The brand key: an organization's brand is known by its trimmed name (the same name in two campaigns is one brand). */
const brandNameKey = (name: string) => name.trim();

/**
 * The brand a submitted declaration belongs to. `startedFrom` (a draft started from one of the organization's brands)
 * keeps that brand and renames it to the declared name; otherwise the organization's brand of that name, created if
 * missing. Concurrent submissions of one organization and name share one brand (advisory lock on the pair).
 */
export async function brandForDeclaration(tx: TTx, input: { organizationId: string; brandName: string; startedFrom?: string | null }): Promise<string> {
  const name = brandNameKey(input.brandName);
  if (input.startedFrom) {
    const own = await tx.brand.findFirst({ where: { id: input.startedFrom, organizationId: input.organizationId }, select: { id: true, name: true } });
    if (own) {
      if (own.name !== name) await tx.brand.update({ where: { id: own.id }, data: { name } });
      return own.id;
    }
  }
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`brand:${input.organizationId}:${name}`}))`;
  const existing = await tx.brand.findFirst({ where: { organizationId: input.organizationId, name }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  if (existing) return existing.id;
  const created = await tx.brand.create({ data: { organizationId: input.organizationId, name }, select: { id: true } });
  return created.id;
}
