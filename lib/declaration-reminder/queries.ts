import { db, dbNow, type TTx } from '@/lib/db';
import type { TRoleGrant } from '@/lib/auth/session';
import type { CampaignProgram, CampaignStatus } from '@/lib/generated/prisma/enums';
import type { TStageWindow } from '@/lib/campaign/stages';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { actsFor } from '@/lib/campaign/recommendation-chain';
import type { TBranchDeclarationState } from '@/lib/declaration-reminder/schema';

export type TPendingBranch = {
  id: string;
  name: string;
  parentName: string;
  state: TBranchDeclarationState;
  /** Names of the branch secretaries (accounts), for the committee to recognise them. */
  secretaryNames: string[];
  /** Where a 催报 SMS goes: the secretaries' account phones and the phone on the organization record. */
  phones: string[];
  lastReminder: { at: Date; byName: string | null; senderName: string; sentCount: number } | null;
  remindedToday: boolean;
};

export type TDeclarationProgress = {
  now: Date;
  campaign: { id: string; title: string; status: CampaignStatus; program: CampaignProgram; stages: TStageWindow[]; declarationEndsAt: Date | null };
  committee: { id: string; name: string };
  counts: { eligible: number; submitted: number; NOT_STARTED: number; DRAFT: number; RETURNED: number };
  /** Eligible branches that have not submitted, not started first. */
  pending: TPendingBranch[];
  submittedIds: Set<string>;
};

const STATE_ORDER: TBranchDeclarationState[] = ['NOT_STARTED', 'DRAFT', 'RETURNED'];

function stateOf(statuses: readonly string[]): TBranchDeclarationState | 'SUBMITTED' {
  if (statuses.includes('SUBMITTED')) return 'SUBMITTED';
  if (statuses.includes('RETURNED')) return 'RETURNED';
  return statuses.includes('DRAFT') ? 'DRAFT' : 'NOT_STARTED';
}

/**
 * Which branches below the committee may declare in the campaign (active, with a branch secretary account that is
 * not disabled) and have not submitted. Null when the campaign is not running or the committee is not inside it.
 * Reads only; the caller has checked that the user acts for the committee.
 */
export async function loadDeclarationProgress(client: TTx | typeof db, input: { campaignId: string; organizationId: string }): Promise<TDeclarationProgress | null> {
  const [now, committee, campaign, [{ today }]] = await Promise.all([
    dbNow(client),
    client.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true, path: true, isActive: true } }),
    client.campaign.findUnique({
      where: { id: input.campaignId },
      select: { id: true, title: true, status: true, program: true, ownerOrgId: true, stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } } },
    }),
    client.$queryRaw<{ today: string }[]>`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS today`,
  ]);
  if (!committee?.isActive || !campaign || campaign.status !== 'PUBLISHED') return null;
  if (!committee.path.split('/').includes(campaign.ownerOrgId)) return null;
  const secretaryWhere = { role: 'BRANCH_SECRETARY' as const, user: { isDisabled: false } };
  const branches = await client.organization.findMany({
    where: { isActive: true, id: { not: committee.id }, path: { startsWith: committee.path }, roleAssignments: { some: secretaryWhere } },
    select: {
      id: true,
      name: true,
      secretaryPhone: true,
      parent: { select: { name: true } },
      roleAssignments: { where: secretaryWhere, select: { user: { select: { displayName: true, phone: true } } }, orderBy: { createdAt: 'asc' } },
    },
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
  });
  const ids = branches.map((branch) => branch.id);
  const [applications, reminders] = await Promise.all([
    client.application.findMany({ where: { campaignId: campaign.id, organizationId: { in: ids } }, select: { organizationId: true, status: true } }),
    client.declarationReminder.findMany({
      where: { campaignId: campaign.id, organizationId: { in: ids } },
      orderBy: { createdAt: 'desc' },
      select: { organizationId: true, day: true, createdAt: true, sentCount: true, sentBy: { select: { displayName: true } }, senderOrg: { select: { name: true } } },
    }),
  ]);
  const counts = { eligible: branches.length, submitted: 0, NOT_STARTED: 0, DRAFT: 0, RETURNED: 0 };
  const submittedIds = new Set<string>();
  const pending: TPendingBranch[] = [];
  for (const branch of branches) {
    const state = stateOf(applications.filter((row) => row.organizationId === branch.id).map((row) => row.status));
    if (state === 'SUBMITTED') {
      counts.submitted++;
      submittedIds.add(branch.id);
      continue;
    }
    counts[state]++;
    const latest = reminders.find((row) => row.organizationId === branch.id);
    const phones = [...branch.roleAssignments.map((grant) => grant.user.phone), branch.secretaryPhone].filter((phone): phone is string => !!phone);
    pending.push({
      id: branch.id,
      name: branch.name,
      parentName: branch.parent?.name ?? '',
      state,
      secretaryNames: branch.roleAssignments.map((grant) => grant.user.displayName),
      phones: [...new Set(phones)],
      lastReminder: latest ? { at: latest.createdAt, byName: latest.sentBy?.displayName ?? null, senderName: latest.senderOrg.name, sentCount: latest.sentCount } : null,
      remindedToday: !!latest && latest.day.toISOString().slice(0, 10) === today,
    });
  }
  pending.sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state));
  const declaration = campaign.stages.find((stage) => stage.kind === 'DECLARATION');
  return {
    now,
    campaign: { id: campaign.id, title: campaign.title, status: campaign.status, program: campaign.program, stages: campaign.stages, declarationEndsAt: declaration?.endsAt ?? null },
    committee: { id: committee.id, name: committee.name },
    counts,
    pending,
    submittedIds,
  };
}

/** For the committee's campaign page: the progress and why 催报 is not possible now (null when it is). */
export async function getDeclarationProgressForUser(campaignId: string, organizationId: string, grants: readonly TRoleGrant[]) {
  if (!actsFor(grants, organizationId)) return null;
  const progress = await loadDeclarationProgress(db, { campaignId, organizationId });
  if (!progress) return null;
  return { ...progress, refusal: operationRefusal('remind-declaration', { ...progress.campaign, now: progress.now }) };
}

/**
 * The in-app side of 催报, for the branch secretary: the latest reminder per (campaign, branch) while 申报 is open and
 * the branch has still not submitted.
 */
export async function listRemindersForSecretary(grants: readonly TRoleGrant[]) {
  const organizationIds = grants.filter((grant) => grant.role === 'BRANCH_SECRETARY').map((grant) => grant.organizationId);
  if (organizationIds.length === 0) return [];
  const [now, reminders] = await Promise.all([
    dbNow(),
    db.declarationReminder.findMany({
      where: { organizationId: { in: organizationIds }, campaign: { status: 'PUBLISHED' } },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: {
        id: true,
        campaignId: true,
        organizationId: true,
        createdAt: true,
        organization: { select: { name: true } },
        senderOrg: { select: { name: true } },
        campaign: { select: { title: true, status: true, program: true, stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } } } },
      },
    }),
  ]);
  const latest = reminders.filter((row, index) => reminders.findIndex((other) => other.campaignId === row.campaignId && other.organizationId === row.organizationId) === index);
  const open = latest.filter((row) => !operationRefusal('remind-declaration', { ...row.campaign, now }));
  if (open.length === 0) return [];
  const submitted = await db.application.findMany({
    where: { status: 'SUBMITTED', OR: open.map((row) => ({ campaignId: row.campaignId, organizationId: row.organizationId })) },
    select: { campaignId: true, organizationId: true },
  });
  return open
    .filter((row) => !submitted.some((application) => application.campaignId === row.campaignId && application.organizationId === row.organizationId))
    .map((row) => ({
      id: row.id,
      at: row.createdAt,
      branchName: row.organization.name,
      senderName: row.senderOrg.name,
      campaignTitle: row.campaign.title,
      endsAt: row.campaign.stages.find((stage) => stage.kind === 'DECLARATION')?.endsAt ?? null,
    }));
}
