// SQL pieces shared by the dashboard's sections: "this application lies in the subtree".
import { Prisma } from '@/lib/generated/prisma/client';
import { subtreeLikePattern } from '@/lib/org-tree/tree';

/** Condition: the application whose id is in `column` belongs to an organization in the subtree at `rootPath`. */
export function applicationInSubtree(column: string, rootPath: string): Prisma.Sql {
  if (!/^[a-z_]+\.[a-z_]+$/.test(column)) throw new Error(`applicationInSubtree: not a column: ${column}`);
  return Prisma.sql`EXISTS (SELECT 1 FROM applications sa JOIN organizations so ON so.id = sa.organization_id
    WHERE sa.id = ${Prisma.raw(column)} AND so.path LIKE ${subtreeLikePattern(rootPath)})`;
}

export const count = (value: unknown) => Number(value ?? 0);
