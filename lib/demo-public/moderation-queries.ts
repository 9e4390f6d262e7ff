// The staff queue of 群众意见: comments on belts whose owner committee, or on sites whose organization, lies in the
// subtree of the reader's ORG_ADMIN / COMMITTEE_ADMIN roles (the rule the moderation service checks again).
import type { TRoleGrant } from '@/lib/auth/session';
import { scopeRoots } from '@/lib/auth/scope';
import { db } from '@/lib/db';
import type { CommentStatus, Prisma } from '@/lib/generated/prisma/client';
import { MODERATOR_ROLES } from '@/lib/demo-public/comment-service';

export type TQueueComment = {
  id: string;
  status: CommentStatus;
  body: string;
  createdAt: Date;
  subject: { kind: 'belt' | 'site'; id: string; name: string; organizationName: string };
  moderatedAt: Date | null;
  moderatedBy: string | null;
  rejectReason: string | null;
  reply: string | null;
  repliedAt: Date | null;
};

export const QUEUE_PAGE_SIZE = 100;

function scopeWhere(grants: readonly TRoleGrant[]): Prisma.PublicCommentWhereInput | null {
  const roots = scopeRoots(grants, MODERATOR_ROLES);
  if (!roots.length) return null;
  return {
    OR: roots.flatMap((root) => [
      { belt: { ownerOrg: { path: { startsWith: root.organizationPath } } } },
      { site: { organization: { path: { startsWith: root.organizationPath } } } },
    ]),
  };
}

/** One status of the queue (oldest pending first, newest decided first) and the count of each status. */
export async function listModerationQueue(grants: readonly TRoleGrant[], status: CommentStatus) {
  const scope = scopeWhere(grants);
  if (!scope) return { comments: [] as TQueueComment[], counts: { PENDING: 0, APPROVED: 0, REJECTED: 0 } };
  const [rows, grouped] = await Promise.all([
    db.publicComment.findMany({
      where: { AND: [scope, { status }] },
      orderBy: { createdAt: status === 'PENDING' ? 'asc' : 'desc' },
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        body: true,
        createdAt: true,
        moderatedAt: true,
        rejectReason: true,
        reply: true,
        repliedAt: true,
        moderatedBy: { select: { displayName: true } },
        belt: { select: { id: true, name: true, ownerOrg: { select: { name: true } } } },
        site: { select: { id: true, name: true, organization: { select: { name: true } } } },
      },
    }),
    db.publicComment.groupBy({ by: ['status'], where: scope, _count: { _all: true } }),
  ]);
  const counts = { PENDING: 0, APPROVED: 0, REJECTED: 0 };
  for (const group of grouped) counts[group.status] = group._count._all;
  const comments = rows.map((row) => ({
    id: row.id,
    status: row.status,
    body: row.body,
    createdAt: row.createdAt,
    moderatedAt: row.moderatedAt,
    moderatedBy: row.moderatedBy?.displayName ?? null,
    rejectReason: row.rejectReason,
    reply: row.reply,
    repliedAt: row.repliedAt,
    subject: row.belt
      ? { kind: 'belt' as const, id: row.belt.id, name: row.belt.name, organizationName: row.belt.ownerOrg.name }
      : { kind: 'site' as const, id: row.site!.id, name: row.site!.name, organizationName: row.site!.organization.name },
  }));
  return { comments, counts };
}
