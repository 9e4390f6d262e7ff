import { db } from '@/lib/db';
import { checklistOf } from '@/lib/qualification/checklist';
import { loadQualificationPool, type TPoolCampaign, type TPoolEntry } from '@/lib/qualification/pool';
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
  result: 'PASSED' | null;
  checks: Record<string, boolean>;
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

/** One page of the qualification table with the counts of both states (over the field filter, not the state filter). */
export async function getQualificationPage(campaign: TPoolCampaign, search: TQualificationSearch) {
  const all = await listQualificationRows(campaign);
  const inField = search.field ? all.filter((row) => row.fieldId === search.field) : all;
  const counts = { total: all.length, pending: inField.filter((row) => !row.result).length, passed: inField.filter((row) => row.result).length };
  const matching = search.state ? inField.filter((row) => (search.state === 'PASSED' ? row.result : !row.result)) : inField;
  const pageCount = Math.max(1, Math.ceil(matching.length / QUALIFICATION_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const rows = matching.slice((page - 1) * QUALIFICATION_PAGE_SIZE, page * QUALIFICATION_PAGE_SIZE);
  return { rows, total: matching.length, page, pageCount, counts, checklist: checklistOf(campaign) };
}

/** Search params of the page URL (first value of repeated keys), parsed leniently. */
export function parseQualificationSearch(raw: Record<string, string | string[] | undefined>): TQualificationSearch {
  return ZQualificationSearch.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}
