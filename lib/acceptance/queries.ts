// Reads of 验收认定, each scoped to the reader: the branch sees its own brands, the organizer its campaigns' queue, an
// expert the requests of their acceptance groups. A request outside the reader's scope reads as missing (null).
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AcceptanceStatus } from '@/lib/generated/prisma/enums';
import { grantsRoleAt, scopeRoots } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import { deadlineRefusal, requestRefusal } from '@/lib/acceptance/rules';
import type { TCriterion } from '@/lib/acceptance/schema';
import { CONFLICT_LABELS, treeConflict } from '@/lib/review/conflicts';

type TReader = { id: string; roles: readonly TRoleGrant[] };

const pathsUnder = (grants: readonly TRoleGrant[], roles: TRoleGrant['role'][]) =>
  scopeRoots(grants, roles).map((root) => ({ path: { startsWith: root.organizationPath } }));

/** Why the branch may not request acceptance for this cultivation now (stage, deadline, state), or null. */
async function requestBlock(campaignId: string, status: Parameters<typeof requestRefusal>[0], deadline: Date | null): Promise<string | null> {
  const own = requestRefusal(status);
  if (own) return own;
  const life = await db.$transaction((tx) => loadLifecycle(tx, campaignId));
  return operationRefusal('request-acceptance', life)?.message ?? deadlineRefusal(deadline, life.now);
}

const latestRequest = {
  orderBy: { round: 'desc' },
  take: 1,
  select: { id: true, round: true, status: true, requestedAt: true, decidedAt: true, findings: true },
} satisfies Prisma.Cultivation$acceptanceRequestsArgs;

/** The branch's brands in cultivation, with their latest request and whether (and why not) they may request now. */
export async function listBranchCultivations(reader: TReader) {
  const orgs = pathsUnder(reader.roles, ['BRANCH_SECRETARY']);
  if (!orgs.length) return [];
  const rows = await db.cultivation.findMany({
    where: { brand: { organization: { OR: orgs } }, campaign: { status: { in: ['PUBLISHED', 'FINISHED'] } } },
    orderBy: { startedAt: 'desc' },
    select: {
      id: true,
      status: true,
      campaignId: true,
      brand: { select: { name: true, organization: { select: { name: true } } } },
      campaign: { select: { title: true, acceptanceRequestDeadline: true } },
      recognition: { select: { recognitionNo: true, issuedOn: true } },
      acceptanceRequests: latestRequest,
    },
  });
  return Promise.all(
    rows.map(async ({ acceptanceRequests, ...row }) => ({
      ...row,
      latest: acceptanceRequests[0] ?? null,
      requestBlock: await requestBlock(row.campaignId, row.status, row.campaign.acceptanceRequestDeadline),
    })),
  );
}

/** One cultivation of the branch, for the request form; null outside its scope. */
export async function loadBranchCultivation(reader: TReader, cultivationId: string) {
  const rows = await listBranchCultivations(reader);
  return rows.find((row) => row.id === cultivationId) ?? null;
}

/** The organizer's queue: every request of campaigns it owns, open ones first in request order ("成熟一个、验收一个"). */
/**
 * `filter` (the dashboard's links): one campaign, and/or one status counted at each cultivation's latest request — a
 * failed first round followed by a waiting second one counts as waiting, as on the dashboard.
 */
export async function listAcceptanceQueue(reader: TReader, filter: { campaignId?: string; status?: AcceptanceStatus } = {}) {
  const owners = pathsUnder(reader.roles, ['ORG_ADMIN']);
  if (!owners.length) return [];
  let rows = await db.acceptanceRequest.findMany({
    where: {
      cultivation: { campaign: { status: { in: ['PUBLISHED', 'FINISHED'] }, ownerOrg: { OR: owners } }, ...(filter.campaignId && { campaignId: filter.campaignId }) },
      ...(filter.status && { status: filter.status }),
    },
    orderBy: { requestedAt: 'asc' },
    take: 500,
    select: {
      id: true,
      round: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      cultivationId: true,
      cultivation: { select: { brand: { select: { name: true, organization: { select: { name: true } } } }, campaign: { select: { title: true, acceptanceCompleteBy: true } } } },
      _count: { select: { experts: true } },
    },
  });
  if (filter.status && rows.length) {
    const latest = await db.acceptanceRequest.groupBy({ by: ['cultivationId'], where: { cultivationId: { in: rows.map((row) => row.cultivationId) } }, _max: { round: true } });
    const lastRound = new Map(latest.map((row) => [row.cultivationId, row._max.round]));
    rows = rows.filter((row) => lastRound.get(row.cultivationId) === row.round);
  }
  const open = rows.filter((row) => row.status === 'WAITING' || row.status === 'REVIEWING');
  const decided = rows.filter((row) => !open.includes(row)).reverse();
  return [...open, ...decided];
}

const requestSelect = {
  id: true,
  round: true,
  status: true,
  background: true,
  measures: true,
  results: true,
  ledgerMonths: true,
  ledgerEntries: true,
  requestedAt: true,
  criteria: true,
  groupFormedAt: true,
  onsiteNote: true,
  findings: true,
  decidedAt: true,
  requestedBy: { select: { displayName: true } },
  decidedBy: { select: { displayName: true } },
  evidence: { orderBy: { sortOrder: 'asc' }, select: { caption: true, file: { select: { id: true, kind: true, originalName: true, size: true } } } },
  experts: { orderBy: { expert: { displayName: 'asc' } }, select: { expertId: true, scores: true, comment: true, submittedAt: true, expert: { select: { displayName: true } } } },
  recognition: { select: { id: true, recognitionNo: true, issuedOn: true, revokedAt: true, revokeReason: true } },
  cultivation: {
    select: {
      id: true,
      status: true,
      brand: { select: { name: true, organization: { select: { name: true, path: true } } } },
      campaign: { select: { id: true, title: true, ownerOrgId: true, ownerOrg: { select: { name: true, path: true } } } },
    },
  },
} satisfies Prisma.AcceptanceRequestSelect;

export type TAcceptanceRole = 'organizer' | 'branch' | 'expert';

/** One request as the reader may see it, with the reader's role in it; null when outside their scope. */
export async function loadAcceptanceRequest(reader: TReader, requestId: string) {
  const request = await db.acceptanceRequest.findUnique({ where: { id: requestId }, select: requestSelect });
  if (!request) return null;
  const { campaign, brand } = request.cultivation;
  let role: TAcceptanceRole | null = null;
  if (grantsRoleAt(reader.roles, ['ORG_ADMIN'], campaign.ownerOrg.path)) role = 'organizer';
  else if (grantsRoleAt(reader.roles, ['BRANCH_SECRETARY'], brand.organization.path)) role = 'branch';
  else if (request.experts.some((expert) => expert.expertId === reader.id)) role = 'expert';
  if (!role) return null;
  return { ...request, criteria: request.criteria as TCriterion[], role };
}

export type TAcceptanceRequestView = NonNullable<Awaited<ReturnType<typeof loadAcceptanceRequest>>>;

/** The requests an expert sits on, newest first. */
export async function listExpertAcceptances(reader: TReader) {
  return db.acceptanceExpert.findMany({
    where: { expertId: reader.id },
    orderBy: { request: { requestedAt: 'desc' } },
    take: 200,
    select: {
      submittedAt: true,
      request: { select: { id: true, status: true, requestedAt: true, cultivation: { select: { brand: { select: { name: true, organization: { select: { name: true } } } } } } } },
    },
  });
}

/** Experts an organizer may put in this request's group: the 专家库 in its ORG_ADMIN scope, 回避 named per expert. */
export async function listGroupCandidates(reader: TReader, request: TAcceptanceRequestView) {
  const owners = pathsUnder(reader.roles, ['ORG_ADMIN']);
  if (!owners.length) return [];
  const experts = await db.user.findMany({
    where: { isDisabled: false, roleAssignments: { some: { role: 'EXPERT', organization: { OR: owners } } } },
    orderBy: { displayName: 'asc' },
    take: 500,
    select: { id: true, displayName: true, expertProfile: { select: { title: true, homeOrganization: { select: { name: true, path: true } } } } },
  });
  const { brand, campaign } = request.cultivation;
  return experts.map((expert) => {
    const home = expert.expertProfile?.homeOrganization ?? null;
    const conflict = treeConflict(home?.path ?? null, brand.organization.path, campaign.ownerOrgId);
    return { id: expert.id, displayName: expert.displayName, title: expert.expertProfile?.title ?? '', homeName: home?.name ?? null, conflict: conflict ? CONFLICT_LABELS[conflict] : null };
  });
}

/** A recognition for its certificate: number, names, issuer, campaign. */
export async function loadRecognition(recognitionNo: string) {
  return db.recognition.findUnique({
    where: { recognitionNo },
    select: {
      recognitionNo: true,
      brandName: true,
      organizationName: true,
      issuedOn: true,
      requestId: true,
      cultivation: { select: { brand: { select: { organization: { select: { path: true } } } }, campaign: { select: { title: true, ownerOrg: { select: { name: true, path: true } } } } } },
    },
  });
}
