// "On the 品牌清单" — the one predicate the public and admin list views, the vote (cast_vote and the voting pages), the
// expert review (assignment, score sheets), the ranking and the award proposal all ask: the latest published version of
// the campaign's list holds the entry, and the entry has stayed submitted since that version was published
// (applications.status = 'SUBMITTED' AND submitted_at <= brand_lists.published_at). A return (RETURNED) takes it off at
// once; a resubmission after the publication keeps it off until a new version lists it again, after it passed 资格审查
// again. Its single definition is the SQL function is_listed_entry(application_id) (migration 0017); this module is
// its TypeScript face.
import { Prisma } from '@/lib/generated/prisma/client';
import type { TDb, TTx } from '@/lib/db';

type TClient = TDb | TTx;

/** SQL condition: the application whose id is in `column` (e.g. 'a.id', 'e.application_id') is on the 品牌清单. */
export function listedEntrySql(column: string): Prisma.Sql {
  if (!/^[a-z_]+(\.[a-z_]+)?$/.test(column)) throw new Error(`listedEntrySql: not a column name: ${column}`);
  return Prisma.sql`is_listed_entry(${Prisma.raw(column)})`;
}

/** The campaign's entries on the 品牌清单. */
export async function listedApplicationIds(client: TClient, campaignId: string): Promise<Set<string>> {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM applications a WHERE a.campaign_id = ${campaignId} AND a.status = 'SUBMITTED' AND ${listedEntrySql('a.id')}`;
  return new Set(rows.map((row) => row.id));
}

/** Which of these applications are on their campaign's 品牌清单. */
export async function listedAmong(client: TClient, applicationIds: readonly string[]): Promise<Set<string>> {
  if (!applicationIds.length) return new Set();
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM applications a WHERE a.id = ANY(${[...new Set(applicationIds)]}) AND ${listedEntrySql('a.id')}`;
  return new Set(rows.map((row) => row.id));
}

export async function isListedEntry(client: TClient, applicationId: string): Promise<boolean> {
  return (await listedAmong(client, [applicationId])).has(applicationId);
}
