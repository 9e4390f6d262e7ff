import { db, type TTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { brandNameBigrams } from '@/lib/application/bigrams';

/** Names at least this similar (Sørensen–Dice on character bigrams) are shown as a warning. */
export const SIMILARITY_THRESHOLD = 0.5;

export type TSimilarName = { applicationId: string; brandName: string; similarity: number; campaignTitle: string; organizationName: string };

type TRow = { source_id: string | null; id: string; brand_name: string; similarity: number; title: string; org_name: string };

/**
 * Dice coefficient of two distinct-bigram arrays, in SQL so candidates can be ranked before LIMIT: a common bigram
 * such as 党建 may be shared by thousands of names, and the best match must not be cut off by an arbitrary limit.
 * Kept equal to `diceSimilarity` in bigrams.ts (an integration test compares the two) and to the backfill in
 * migration 0003.
 */
function dice(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(2.0 * (SELECT count(*) FROM unnest(${a}) AS g WHERE g = ANY(${b})) / NULLIF(cardinality(${a}) + cardinality(${b}), 0))::float8`;
}

const toMatch = (row: TRow): TSimilarName => ({
  applicationId: row.id,
  brandName: row.brand_name,
  similarity: row.similarity,
  campaignTitle: row.title,
  organizationName: row.org_name,
});

/**
 * Submitted brand names (any campaign, every level) that look like `name`, best first. The GIN index on
 * brand_name_bigrams (`&&`) narrows the candidates; drafts are left out, they belong to their branch until submitted.
 */
export async function findSimilarBrandNames(
  name: string,
  options: { excludeApplicationId?: string; limit?: number } = {},
  client: TTx = db,
): Promise<TSimilarName[]> {
  const grams = brandNameBigrams(name);
  if (grams.length === 0) return [];
  const mine = Prisma.sql`${grams}::text[]`;
  const rows = await client.$queryRaw<TRow[]>`
    SELECT NULL AS source_id, m.* FROM (
      SELECT a.id, a.brand_name, ${dice(mine, Prisma.sql`a.brand_name_bigrams`)} AS similarity, c.title, o.name AS org_name
      FROM applications a
      JOIN campaigns c ON c.id = a.campaign_id
      JOIN organizations o ON o.id = a.organization_id
      WHERE a.brand_name_bigrams && ${mine}
        AND a.status <> 'DRAFT'
        AND a.id <> ${options.excludeApplicationId ?? ''}
    ) m
    WHERE m.similarity >= ${SIMILARITY_THRESHOLD}
    ORDER BY m.similarity DESC, m.brand_name
    LIMIT ${options.limit ?? 5}`;
  return rows.map(toMatch);
}

/** Enough pairs per submission for any list; a name with more near-duplicates than this is flagged all the same. */
const STORED_PAIRS = 50;

/**
 * Recomputes the stored pairs of one application, inside the submitting transaction. A transaction-level advisory
 * lock makes submissions take turns here: two near-duplicates submitted at the same moment would otherwise each miss
 * the other (neither sees the other's uncommitted row). Under READ COMMITTED the statement after the lock sees every
 * submission that committed before it.
 */
export async function refreshSimilarNames(tx: TTx, applicationId: string): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('similar_brand_names'))`;
  await tx.$executeRaw`DELETE FROM similar_brand_names WHERE application_id = ${applicationId} OR similar_id = ${applicationId}`;
  const application = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { brandName: true, status: true } });
  if (application.status === 'DRAFT') return 0;
  const matches = await findSimilarBrandNames(application.brandName, { excludeApplicationId: applicationId, limit: STORED_PAIRS }, tx);
  if (matches.length === 0) return 0;
  await tx.similarBrandName.createMany({
    data: matches.flatMap((match) => [
      { applicationId, similarId: match.applicationId, similarity: match.similarity },
      { applicationId: match.applicationId, similarId: applicationId, similarity: match.similarity },
    ]),
  });
  return matches.length;
}

/** For a page of applications: the stored names most like each one's, best first. Staff see them beside each entry. */
export async function findSimilarForApplications(applicationIds: readonly string[], perApplication = 3): Promise<Map<string, TSimilarName[]>> {
  const result = new Map<string, TSimilarName[]>();
  if (applicationIds.length === 0) return result;
  const rows = await db.$queryRaw<TRow[]>`
    SELECT source_id, id, brand_name, similarity, title, org_name FROM (
      SELECT s.application_id AS source_id, a.id, a.brand_name, s.similarity, c.title, o.name AS org_name,
             row_number() OVER (PARTITION BY s.application_id ORDER BY s.similarity DESC, a.brand_name) AS rank
      FROM similar_brand_names s
      JOIN applications a ON a.id = s.similar_id
      JOIN campaigns c ON c.id = a.campaign_id
      JOIN organizations o ON o.id = a.organization_id
      WHERE s.application_id = ANY(${applicationIds as string[]}::text[])
    ) ranked
    WHERE rank <= ${perApplication}
    ORDER BY source_id, rank`;
  for (const row of rows) {
    const list = result.get(row.source_id!) ?? [];
    list.push(toMatch(row));
    result.set(row.source_id!, list);
  }
  return result;
}
