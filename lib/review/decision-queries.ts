// Reads of the 部务会初评 / 领导小组审定: the list, one decision with the awards of each entry, the campaign's awards
// for the editor, and the 拟表彰名单 (the latest signed 审定).
import { db, dbNow, type TTx } from '@/lib/db';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import type { DecisionKind } from '@/lib/generated/prisma/enums';
import type { TReviewCampaign } from '@/lib/review/pool';
import { reviewBlockers } from '@/lib/review/readiness';
import { loadRanking } from '@/lib/review/results';

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = { PRELIMINARY: '部务会初评', FINAL: '领导小组审定' };

export async function listDecisions(campaignId: string) {
  return db.decision.findMany({
    where: { campaignId },
    select: { id: true, kind: true, version: true, meetingDate: true, signedAt: true, correctionReason: true, signedBy: { select: { displayName: true } }, _count: { select: { items: true } } },
    orderBy: [{ kind: 'asc' }, { version: 'desc' }],
  });
}

/** The campaign's awards in their order, with what the award rules need (kind, field). */
export async function listCampaignAwards(campaignId: string, client: typeof db | TTx = db) {
  return client.award.findMany({
    where: { campaignId },
    select: { id: true, name: true, kind: true, count: true, fieldId: true, sortOrder: true, field: { select: { name: true } } },
    orderBy: { sortOrder: 'asc' },
  });
}

export type TCampaignAward = Awaited<ReturnType<typeof listCampaignAwards>>[number];

/** One decision with each entry's decided and proposed awards (in award order). */
export async function getDecision(decisionId: string, campaignId: string) {
  const decision = await db.decision.findFirst({
    where: { id: decisionId, campaignId },
    select: {
      id: true,
      kind: true,
      version: true,
      meetingDate: true,
      attendees: true,
      notes: true,
      correctionReason: true,
      signedAt: true,
      signedBy: { select: { displayName: true } },
      items: {
        select: {
          applicationId: true,
          rank: true,
          score: true,
          changeReason: true,
          awards: { select: { awardId: true, isDecided: true, isProposed: true }, orderBy: { award: { sortOrder: 'asc' } } },
          application: { select: { brandName: true, fieldId: true, organization: { select: { name: true } }, field: { select: { name: true } } } },
        },
        orderBy: [{ rank: 'asc' }, { applicationId: 'asc' }],
      },
    },
  });
  if (!decision) return null;
  return {
    ...decision,
    items: decision.items.map(({ awards, ...item }) => ({
      ...item,
      score: Number(item.score),
      awardIds: awards.filter((row) => row.isDecided).map((row) => row.awardId),
      proposedAwardIds: awards.filter((row) => row.isProposed).map((row) => row.awardId),
    })),
  };
}

export type TDecisionDetail = NonNullable<Awaited<ReturnType<typeof getDecision>>>;

/**
 * 拟表彰名单: the latest signed 领导小组审定, one line per (entry, award) by award order then rank, and how many entries
 * it honours. Null before it is signed.
 */
export async function loadAwardProposal(campaignId: string, client: typeof db | TTx = db) {
  const final = await client.decision.findFirst({
    where: { campaignId, kind: 'FINAL', signedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, signedAt: true, meetingDate: true, correctionReason: true },
  });
  if (!final) return null;
  const rows = await client.decisionAward.findMany({
    where: { decisionId: final.id, isDecided: true },
    select: {
      award: { select: { id: true, name: true, sortOrder: true } },
      item: { select: { rank: true, score: true, application: { select: { id: true, brandName: true, organization: { select: { name: true } } } } } },
    },
  });
  const items = rows
    .map((row) => ({ rank: row.item.rank, score: Number(row.item.score), award: row.award, application: row.item.application }))
    .sort((a, b) => a.award.sortOrder - b.award.sortOrder || a.rank - b.rank || a.application.id.localeCompare(b.application.id));
  return { decision: final, items, entries: new Set(items.map((item) => item.application.id)).size };
}

export type TAwardProposal = NonNullable<Awaited<ReturnType<typeof loadAwardProposal>>>;

/**
 * Why a meeting decision cannot be started or signed now, for the decisions page (null when it can): the state
 * machine's answer for a first version and for a correction, and what still moves in the ranking.
 */
export async function loadDeliberationState(campaign: TReviewCampaign) {
  const [now, announcement, ranking] = await Promise.all([dbNow(), db.announcement.findUnique({ where: { campaignId: campaign.id }, select: { id: true } }), loadRanking(campaign)]);
  const life = { status: campaign.status, program: campaign.program, stages: campaign.stages, now };
  const closed = announcement ? '表彰决定已经发布，不能再形成或更正初评、审定' : null;
  const blockers = reviewBlockers(ranking.rows);
  const review = blockers.length ? `专家评审尚未完成：${blockers.join('；')}` : null;
  return {
    first: closed ?? operationRefusal('deliberate', life)?.message ?? review,
    correction: closed ?? operationRefusal('correct-decision', life)?.message ?? review,
  };
}
