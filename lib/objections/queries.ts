// What the 异议 pages read: the objector's view by 查询码 (steps and answer, never the internal notes), and the
// organizer's list and case file. Staff reads take the campaign the page already checked is the user's.
import { db } from '@/lib/db';
import type { ObjectionStatus, ObjectionStep } from '@/lib/generated/prisma/enums';
import { isTrackingCode, normaliseTrackingCode, type TObjectionFilter } from '@/lib/objections/schema';
import { isOnHold, objectionsByEntry } from '@/lib/objections/holds';
import { OPEN_OBJECTION_STATUSES } from '@/lib/objections/status';

/** Steps the objector sees (with their dates only): the filing and the decisions, not the working notes. */
const PUBLIC_STEPS: ObjectionStep[] = ['FILED', 'ACCEPTED', 'INVESTIGATING', 'ANSWERED', 'DECLINED'];

/** The objector's view, or null for an unknown or malformed code. */
export async function findObjectionByCode(rawCode: string) {
  const trackingCode = normaliseTrackingCode(rawCode);
  if (!isTrackingCode(trackingCode)) return null;
  const objection = await db.objection.findUnique({
    where: { trackingCode },
    select: {
      trackingCode: true,
      name: true,
      status: true,
      outcome: true,
      answer: true,
      answeredAt: true,
      createdAt: true,
      campaign: { select: { id: true, title: true } },
      publicity: { select: { version: true } },
      application: { select: { brandName: true, organization: { select: { name: true } } } },
      events: { where: { step: { in: PUBLIC_STEPS } }, orderBy: { createdAt: 'asc' }, select: { step: true, createdAt: true } },
      _count: { select: { files: { where: { event: { step: 'FILED' } } } } },
    },
  });
  if (!objection) return null;
  const { _count, name, ...rest } = objection;
  // Only the surname is repeated back: the code may be shared or seen by someone else.
  return { ...rest, objectorName: `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}`, attachments: _count.files };
}

export type TPublicObjection = NonNullable<Awaited<ReturnType<typeof findObjectionByCode>>>;

export const OBJECTION_PAGE_SIZE = 20;

/** The staff list: counts per status, one page of objections, and the entries on hold. */
export async function listCampaignObjections(campaignId: string, filter: { status?: TObjectionFilter; page: number }) {
  const status = filter.status === 'open' ? { in: [...OPEN_OBJECTION_STATUSES] } : filter.status;
  const where = { campaignId, ...(status ? { status } : {}) };
  const [counts, total, rows, held] = await Promise.all([
    db.objection.groupBy({ by: ['status'], where: { campaignId }, _count: { _all: true } }),
    db.objection.count({ where }),
    db.objection.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * OBJECTION_PAGE_SIZE,
      take: OBJECTION_PAGE_SIZE,
      select: {
        id: true,
        trackingCode: true,
        name: true,
        status: true,
        outcome: true,
        createdAt: true,
        answeredAt: true,
        applicationId: true,
        application: { select: { brandName: true, organization: { select: { name: true } } } },
      },
    }),
    objectionsByEntry(campaignId),
  ]);
  const byStatus = Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<ObjectionStatus, number>>;
  const heldEntries = [...held.values()].filter(isOnHold);
  const names = heldEntries.length
    ? await db.application.findMany({ where: { id: { in: heldEntries.map((entry) => entry.applicationId) } }, select: { id: true, brandName: true } })
    : [];
  const brandName = new Map(names.map((application) => [application.id, application.brandName]));
  const onHold = new Map(heldEntries.map((entry) => [entry.applicationId, { ...entry, brandName: brandName.get(entry.applicationId) ?? '' }]));
  return {
    byStatus,
    all: counts.reduce((sum, row) => sum + row._count._all, 0),
    total,
    pageCount: Math.max(1, Math.ceil(total / OBJECTION_PAGE_SIZE)),
    rows: rows.map((row) => ({ ...row, hold: onHold.get(row.applicationId) ?? null })),
    onHold: [...onHold.values()],
  };
}

/** One case file for the staff: the objection, its files and every event with its notes and files. */
export async function loadObjectionCase(campaignId: string, objectionId: string) {
  const objection = await db.objection.findFirst({
    where: { id: objectionId, campaignId },
    select: {
      id: true,
      trackingCode: true,
      name: true,
      phone: true,
      contact: true,
      facts: true,
      status: true,
      outcome: true,
      answer: true,
      answeredAt: true,
      createdAt: true,
      ip: true,
      publicity: { select: { version: true, publishedAt: true } },
      application: { select: { id: true, brandName: true, organization: { select: { name: true } } } },
      events: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          step: true,
          note: true,
          createdAt: true,
          actor: { select: { displayName: true } },
          files: { orderBy: { createdAt: 'asc' }, select: { file: { select: { id: true, kind: true, originalName: true, size: true } } } },
        },
      },
    },
  });
  if (!objection) return null;
  const others = await db.objection.count({ where: { campaignId, applicationId: objection.application.id, id: { not: objection.id }, status: { in: [...OPEN_OBJECTION_STATUSES] } } });
  return { ...objection, otherOpenOnEntry: others };
}

export type TObjectionCase = NonNullable<Awaited<ReturnType<typeof loadObjectionCase>>>;
