import { db } from '@/lib/db';
import { checklistOf } from '@/lib/qualification/checklist';
import { loadQualificationPool, regionIdOf, type TPoolCampaign, type TPoolEntry } from '@/lib/qualification/pool';
import { ZQualificationSearch, type TQualificationSearch } from '@/lib/qualification/schema';

export const QUALIFICATION_PAGE_SIZE = 50;

export type TQualificationRow = {
  id: string;
  brandName: string;
  organizationName: string;
  regionName: string;
  fieldId: string | null;
  fieldName: string;
  submittedAt: Date | null;
  /** null = waiting for 资格审查; FAILED = sent back to the branch and not resubmitted (yet). */
  result: 'PASSED' | 'FAILED' | null;
  checks: Record<string, boolean>;
  /** 审查意见 of a pass, or the reason of a 不通过. */
  reason: string | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
  /** The reason 资格审查 gave when it sent this entry back, if the branch has since revised and resubmitted it. */
  resubmittedAfter: string | null;
};

function rowOf(entry: TPoolEntry): TQualificationRow {
  const qualification = entry.qualification?.result === 'PASSED' ? entry.qualification : null;
  return {
    id: entry.id,
    brandName: entry.brandName,
    organizationName: entry.organization.name,
    regionName: entry.region.name,
    fieldId: entry.field?.id ?? null,
    fieldName: entry.field?.name ?? '',
    submittedAt: entry.submittedAt,
    result: qualification ? 'PASSED' : null,
    checks: (qualification?.checks ?? {}) as Record<string, boolean>,
    reason: qualification?.reason ?? null,
    reviewerName: qualification?.reviewedBy?.displayName ?? null,
    reviewedAt: qualification?.reviewedAt ?? null,
    resubmittedAfter: entry.returnedFrom === 'QUALIFICATION' ? entry.returnReason : null,
  };
}

/** Every entry at 资格审查, for the Excel table. The caller has checked the reader's grant on the campaign. */
export async function listQualificationRows(campaign: TPoolCampaign): Promise<TQualificationRow[]> {
  return (await loadQualificationPool(db, campaign)).map(rowOf);
}

const checksOf = (value: unknown): Record<string, boolean> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'))
    : {};

/**
 * The entries 资格审查 failed that are still with the branch (not resubmitted), latest first. A 不通过 leaves no
 * qualification row (the entry goes back to the branch), so who and when come from the returned version, and the
 * ticks from the audit record the decision wrote.
 */
export async function listRejectedRows(campaign: TPoolCampaign): Promise<TQualificationRow[]> {
  const entries = await db.application.findMany({
    where: { campaignId: campaign.id, status: 'RETURNED', returnedFrom: 'QUALIFICATION' },
    select: {
      id: true,
      brandName: true,
      submittedAt: true,
      returnReason: true,
      field: { select: { id: true, name: true } },
      organization: { select: { id: true, name: true, path: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { returnedAt: true, returnReason: true, returnedBy: { select: { displayName: true } } } },
    },
  });
  if (entries.length === 0) return [];
  const ids = entries.map((entry) => entry.id);
  const regionIds = [...new Set(entries.map((entry) => regionIdOf(entry.organization.path, campaign.ownerOrgId)).filter((id): id is string => !!id))];
  const [regions, audits] = await Promise.all([
    db.organization.findMany({ where: { id: { in: regionIds } }, select: { id: true, name: true } }),
    db.auditLog.findMany({ where: { action: 'fail-qualification', entityType: 'Application', entityId: { in: ids } }, orderBy: { id: 'desc' }, select: { entityId: true, after: true } }),
  ]);
  const regionName = new Map(regions.map((region) => [region.id, region.name]));
  const ticks = new Map<string, Record<string, boolean>>();
  for (const audit of audits) if (!ticks.has(audit.entityId)) ticks.set(audit.entityId, checksOf((audit.after as { checks?: unknown } | null)?.checks));
  const rows = entries.map((entry): TQualificationRow => {
    const version = entry.versions[0];
    return {
      id: entry.id,
      brandName: entry.brandName,
      organizationName: entry.organization.name,
      regionName: regionName.get(regionIdOf(entry.organization.path, campaign.ownerOrgId) ?? '') ?? entry.organization.name,
      fieldId: entry.field?.id ?? null,
      fieldName: entry.field?.name ?? '',
      submittedAt: entry.submittedAt,
      result: 'FAILED',
      checks: ticks.get(entry.id) ?? {},
      reason: version?.returnReason ?? entry.returnReason,
      reviewerName: version?.returnedBy?.displayName ?? null,
      reviewedAt: version?.returnedAt ?? null,
      resubmittedAfter: null,
    };
  });
  return rows.sort((a, b) => (b.reviewedAt?.getTime() ?? 0) - (a.reviewedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
}

/** The whole 资格审查表: the entries at 资格审查 (waiting or passed), then those it failed. */
export async function listQualificationTable(campaign: TPoolCampaign): Promise<TQualificationRow[]> {
  const [pool, rejected] = await Promise.all([listQualificationRows(campaign), listRejectedRows(campaign)]);
  return [...pool, ...rejected];
}

const matchesState = (row: TQualificationRow, state: TQualificationSearch['state']) =>
  !state || (state === 'PENDING' ? !row.result : row.result === state);

/** One page of the qualification table with the counts of every state (over the field filter, not the state filter). */
export async function getQualificationPage(campaign: TPoolCampaign, search: TQualificationSearch) {
  const all = await listQualificationTable(campaign);
  const inField = search.field ? all.filter((row) => row.fieldId === search.field) : all;
  const counts = {
    total: all.length,
    pending: inField.filter((row) => !row.result).length,
    passed: inField.filter((row) => row.result === 'PASSED').length,
    failed: inField.filter((row) => row.result === 'FAILED').length,
  };
  const matching = inField.filter((row) => matchesState(row, search.state));
  const pageCount = Math.max(1, Math.ceil(matching.length / QUALIFICATION_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const rows = matching.slice((page - 1) * QUALIFICATION_PAGE_SIZE, page * QUALIFICATION_PAGE_SIZE);
  return { rows, total: matching.length, page, pageCount, counts, checklist: checklistOf(campaign) };
}

/** Search params of the page URL (first value of repeated keys), parsed leniently. */
export function parseQualificationSearch(raw: Record<string, string | string[] | undefined>): TQualificationSearch {
  return ZQualificationSearch.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}
