// Stage openings and closings, noticed by database time in the minutely scan: each transition of the last
// `windowHours` notifies the roles it concerns once (dedupe key per stage and time, so a moved start or end is a new
// notice and a repeated scan, a second worker or a restart adds nothing).
import { db, type TTx } from '@/lib/db';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { recordAudit } from '@/lib/audit/record';
import { STAGE_LABELS } from '@/lib/campaign/templates';
import { formatDateTime } from '@/lib/format';
import { notify } from '@/lib/notifications/service';
import { usersCovering, usersWithin } from '@/lib/notifications/recipients';
import { scheduleReviewReminder } from '@/lib/review/review-reminder';

type TAudience = 'secretaries' | 'committees' | 'organizers' | 'experts' | 'members';
type TEvent = 'opened' | 'closed';

/** Who hears of a stage opening or closing; a stage not listed (a new template's) concerns the organizers. */
export const STAGE_AUDIENCES: Partial<Record<StageKind, Record<TEvent, readonly TAudience[]>>> = {
  DECLARATION: { opened: ['secretaries', 'committees'], closed: ['secretaries', 'committees'] },
  RECOMMENDATION: { opened: ['committees'], closed: ['committees', 'organizers'] },
  QUALIFICATION: { opened: ['organizers'], closed: ['organizers'] },
  VOTING: { opened: ['members', 'organizers'], closed: ['organizers'] },
  EXPERT_REVIEW: { opened: ['experts', 'organizers'], closed: ['experts', 'organizers'] },
  PUBLICITY: { opened: ['organizers', 'committees', 'secretaries'], closed: ['organizers'] },
  ANNOUNCEMENT: { opened: ['organizers', 'committees', 'secretaries'], closed: [] },
};
const DEFAULT_AUDIENCE: Record<TEvent, readonly TAudience[]> = { opened: ['organizers'], closed: ['organizers'] };

type TTransition = {
  stageId: string;
  kind: StageKind;
  event: TEvent;
  at: Date;
  startsAt: Date;
  endsAt: Date;
  campaignId: string;
  title: string;
  ownerPath: string;
  memberVoting: boolean;
};

async function audienceIds(tx: TTx, audience: TAudience, transition: TTransition): Promise<string[]> {
  switch (audience) {
    case 'secretaries':
      return usersWithin(tx, ['BRANCH_SECRETARY'], transition.ownerPath);
    case 'committees':
      return usersWithin(tx, ['COMMITTEE_ADMIN'], transition.ownerPath);
    case 'organizers':
      return usersCovering(tx, ['ORG_ADMIN'], transition.ownerPath);
    case 'members':
      return transition.memberVoting ? usersWithin(tx, ['MEMBER'], transition.ownerPath) : [];
    case 'experts': {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT m.expert_id AS id FROM expert_panel_members m JOIN expert_panels p ON p.id = m.panel_id WHERE p.campaign_id = ${transition.campaignId}
        UNION SELECT expert_id FROM review_assignments WHERE campaign_id = ${transition.campaignId}`;
      return rows.map((row) => row.id);
    }
  }
}

const LINKS: Record<TAudience, (campaignId: string) => string> = {
  secretaries: () => '/declare',
  committees: () => '/committee',
  organizers: (campaignId) => `/admin/campaigns/${campaignId}`,
  experts: () => '/review',
  members: () => '/member',
};

async function announce(transition: TTransition): Promise<number> {
  const label = STAGE_LABELS[transition.kind] ?? '评选';
  const opened = transition.event === 'opened';
  const kind = opened ? 'STAGE_OPENED' : 'STAGE_CLOSED';
  return db.$transaction(async (tx) => {
    let delivered = 0;
    for (const audience of (STAGE_AUDIENCES[transition.kind] ?? DEFAULT_AUDIENCE)[transition.event]) {
      const ids = await audienceIds(tx, audience, transition);
      const sent = await notify(tx, ids, {
        kind,
        title: `「${transition.title}」${label}阶段${opened ? '已开始' : '已结束'}`,
        body: opened ? `${label}阶段自${formatDateTime(transition.startsAt)}开始，${formatDateTime(transition.endsAt)}截止。` : `${label}阶段已于${formatDateTime(transition.endsAt)}结束。`,
        link: LINKS[audience](transition.campaignId),
        campaignId: transition.campaignId,
        dedupeKey: `${kind}:${transition.stageId}:${transition.at.toISOString()}`,
      });
      delivered += sent.length;
    }
    if (opened && transition.kind === 'EXPERT_REVIEW') await scheduleReviewReminder(tx, transition.campaignId);
    if (delivered) {
      await recordAudit(tx, { actorId: null }, {
        action: 'notify-stage-change',
        entityType: 'Campaign',
        entityId: transition.campaignId,
        after: { stage: transition.kind, event: transition.event, at: transition.at, recipients: delivered },
      });
    }
    return delivered;
  });
}

/**
 * Notices for stages of published campaigns that opened or closed in the last `windowHours`; the count written.
 * `campaignId` limits the scan to one campaign (tests).
 */
export async function notifyStageChanges({ windowHours = 24, campaignId }: { windowHours?: number; campaignId?: string } = {}): Promise<number> {
  const rows = await db.$queryRaw<(Omit<TTransition, 'event' | 'at'> & { opened: boolean; closed: boolean })[]>`
    SELECT s.id AS "stageId", s.kind::text AS kind, s.starts_at AS "startsAt", s.ends_at AS "endsAt", c.id AS "campaignId", c.title,
      o.path AS "ownerPath", c.member_voting_enabled AS "memberVoting",
      (s.starts_at <= now() AND s.starts_at > now() - make_interval(hours => ${windowHours}::int)) AS opened,
      (s.ends_at <= now() AND s.ends_at > now() - make_interval(hours => ${windowHours}::int)) AS closed
    FROM campaign_stages s JOIN campaigns c ON c.id = s.campaign_id JOIN organizations o ON o.id = c.owner_org_id
    WHERE c.status = 'PUBLISHED' AND s.is_enabled AND (${campaignId ?? null}::text IS NULL OR c.id = ${campaignId ?? null})
      AND ((s.starts_at <= now() AND s.starts_at > now() - make_interval(hours => ${windowHours}::int))
        OR (s.ends_at <= now() AND s.ends_at > now() - make_interval(hours => ${windowHours}::int)))
    ORDER BY c.id, s.starts_at`;
  let total = 0;
  for (const row of rows) {
    const { opened, closed, ...stage } = row;
    if (opened) total += await announce({ ...stage, event: 'opened', at: stage.startsAt });
    if (closed) total += await announce({ ...stage, event: 'closed', at: stage.endsAt });
  }
  return total;
}
