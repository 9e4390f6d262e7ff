import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { brandNameBigrams } from '@/lib/application/bigrams';

/** Names at least this similar (Sørensen–Dice on character bigrams) are shown as a warning. */
export const SIMILARITY_THRESHOLD = 0.5;

export type TSimilarName = { applicationId: string; brandName: string; similarity: number; campaignTitle: string; organizationName: string };

type TRow = { source_id: string | null; id: string; brand_name: string; similarity: number; title: string; org_name: string };

/**
 * Dice coefficient of two distinct-bigram arrays, in SQL so candidates can be ranked before LIMIT: a common bigram
 * such as 党建 may be shared by thousands of names, and the best match must not be cut off by an arbitrary limit.
 * Kept equal to `diceSimilarity` in bigrams.ts (an integration test compares the two).
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
export async function findSimilarBrandNames(name: string, options: { excludeApplicationId?: string; limit?: number } = {}): Promise<TSimilarName[]> {
  const grams = brandNameBigrams(name);
  if (grams.length === 0) return [];
  const mine = Prisma.sql`${grams}::text[]`;
  const rows = await db.$queryRaw<TRow[]>`
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

/**
 * For a page of applications: the names most like each one's (other submitted applications, any campaign),
 * in one query. Staff see them beside each entry of their list.
 */
export async function findSimilarForApplications(applicationIds: readonly string[], perApplication = 3): Promise<Map<string, TSimilarName[]>> {
  const result = new Map<string, TSimilarName[]>();
  if (applicationIds.length === 0) return result;
  const rows = await db.$queryRaw<TRow[]>`
    SELECT s.id AS source_id, m.*
    FROM applications s
    CROSS JOIN LATERAL (
      SELECT * FROM (
        SELECT a.id, a.brand_name, ${dice(Prisma.sql`s.brand_name_bigrams`, Prisma.sql`a.brand_name_bigrams`)} AS similarity, c.title, o.name AS org_name
        FROM applications a
        JOIN campaigns c ON c.id = a.campaign_id
        JOIN organizations o ON o.id = a.organization_id
        WHERE a.brand_name_bigrams && s.brand_name_bigrams
          AND a.status <> 'DRAFT'
          AND a.id <> s.id
      ) candidates
      WHERE candidates.similarity >= ${SIMILARITY_THRESHOLD}
      ORDER BY candidates.similarity DESC, candidates.brand_name
      LIMIT ${perApplication}
    ) m
    WHERE s.id = ANY(${applicationIds as string[]}::text[]) AND cardinality(s.brand_name_bigrams) > 0`;
  for (const row of rows) {
    const list = result.get(row.source_id!) ?? [];
    list.push(toMatch(row));
    result.set(row.source_id!, list);
  }
  return result;
}
