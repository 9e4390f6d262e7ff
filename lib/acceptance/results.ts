// 验收结果 (the document of a campaign's acceptances): one row per brand that requested acceptance, from its latest
// request — request date and round, the acceptance group, the mean score of the submitted sheets, the verdict and the
// 认定 number. Reads only; the caller has checked the reader is the organizer (acceptanceResultsCampaign).
import { db } from '@/lib/db';
import type { AcceptanceStatus } from '@/lib/generated/prisma/enums';
import { grantsRoleAt, scopeRoots } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';

export const VERDICT_TEXT: Record<AcceptanceStatus, string> = { WAITING: '待验收', REVIEWING: '验收中', PASSED: '通过，予以认定', FAILED: '不通过' };

type TSheet = { scores: readonly number[]; submittedAt: Date | null };

/** The mean total of the submitted sheets, or null before any is submitted; printed with one decimal (formatScore). */
export function acceptanceScore(sheets: readonly TSheet[]): { mean: number | null; submitted: number } {
  const submitted = sheets.filter((sheet) => sheet.submittedAt);
  if (!submitted.length) return { mean: null, submitted: 0 };
  const sum = submitted.reduce((total, sheet) => total + sheet.scores.reduce((points, score) => points + score, 0), 0);
  return { mean: sum / submitted.length, submitted: submitted.length };
}

export const formatScore = (mean: number | null) => (mean === null ? '—' : mean.toFixed(1));

export type TAcceptanceResultRow = {
  requestId: string;
  brandName: string;
  organizationName: string;
  round: number;
  requestedAt: Date;
  group: string[];
  score: number | null;
  sheets: number;
  status: AcceptanceStatus;
  verdict: string;
  decidedAt: Date | null;
  recognitionNo: string | null;
};

export type TAcceptanceResults = {
  campaign: { id: string; title: string; issuerName: string };
  rows: TAcceptanceResultRow[];
  totals: Record<AcceptanceStatus, number>;
};

/** The campaign's brands with their latest acceptance request, in request order (the queue's "成熟一个、验收一个"). */
export async function loadAcceptanceResults(campaignId: string): Promise<TAcceptanceResults | null> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { id: true, title: true, ownerOrg: { select: { name: true } } } });
  if (!campaign) return null;
  const requests = await db.acceptanceRequest.findMany({
    where: { cultivation: { campaignId } },
    orderBy: [{ cultivationId: 'asc' }, { round: 'desc' }],
    distinct: ['cultivationId'],
    select: {
      id: true,
      round: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      experts: { orderBy: { expert: { displayName: 'asc' } }, select: { scores: true, submittedAt: true, expert: { select: { displayName: true } } } },
      recognition: { select: { recognitionNo: true } },
      cultivation: { select: { brand: { select: { name: true, organization: { select: { name: true } } } } } },
    },
  });
  const rows = requests
    .map((request): TAcceptanceResultRow => {
      const score = acceptanceScore(request.experts);
      return {
        requestId: request.id,
        brandName: request.cultivation.brand.name,
        organizationName: request.cultivation.brand.organization.name,
        round: request.round,
        requestedAt: request.requestedAt,
        group: request.experts.map((expert) => expert.expert.displayName),
        score: score.mean,
        sheets: score.submitted,
        status: request.status,
        verdict: VERDICT_TEXT[request.status],
        decidedAt: request.decidedAt,
        recognitionNo: request.recognition?.recognitionNo ?? null,
      };
    })
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || a.requestId.localeCompare(b.requestId));
  const totals: Record<AcceptanceStatus, number> = { WAITING: 0, REVIEWING: 0, PASSED: 0, FAILED: 0 };
  for (const row of rows) totals[row.status]++;
  return { campaign: { id: campaign.id, title: campaign.title, issuerName: campaign.ownerOrg.name }, rows, totals };
}

/** Whether the reader organizes this campaign (ORG_ADMIN over its owner): only the organizer files its 验收结果. */
export async function acceptanceResultsCampaign(grants: readonly TRoleGrant[], campaignId: string) {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { id: true, title: true, ownerOrg: { select: { path: true } } } });
  return campaign && grantsRoleAt(grants, ['ORG_ADMIN'], campaign.ownerOrg.path) ? campaign : null;
}

/** The organizer's campaigns that hold an acceptance request, newest first (the queue's document links). */
export async function listAcceptanceCampaigns(grants: readonly TRoleGrant[]) {
  const owners = scopeRoots(grants, ['ORG_ADMIN']).map((root) => ({ path: { startsWith: root.organizationPath } }));
  if (!owners.length) return [];
  return db.campaign.findMany({
    where: { ownerOrg: { OR: owners }, cultivations: { some: { acceptanceRequests: { some: {} } } } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true },
  });
}
