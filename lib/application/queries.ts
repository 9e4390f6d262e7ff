import { db, dbNow, type TTx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TRoleGrant } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { scopeRoots } from '@/lib/auth/scope';
import { ancestorIdsOf } from '@/lib/campaign/queries';
import { assertCanRead, canEditApplication, canReturnApplication } from '@/lib/application/access';
import { editWindow, formRulesOf } from '@/lib/application/rules';
import { operationRefusal } from '@/lib/campaign/lifecycle';
import { RETURN_STATE_SELECT, returnFactsOf } from '@/lib/application/return-state';
import { returnRefusal } from '@/lib/campaign/entry-operations';
import { describeProgress } from '@/lib/application/recommendation-progress';
import { pickFormTexts, type TApplicationValues } from '@/lib/application/schema';
import { brandsOfOrganizations } from '@/lib/brand/queries';

export const APPLICATION_DETAIL_SELECT = {
  id: true,
  status: true,
  revision: true,
  fieldId: true,
  brandName: true,
  slogan: true,
  essence: true,
  carriers: true,
  norms: true,
  practices: true,
  honors: true,
  secretaryName: true,
  contactName: true,
  contactPhone: true,
  selfAssessment: true,
  submittedAt: true,
  returnReason: true,
  returnedFrom: true,
  updatedAt: true,
  organization: { select: { id: true, name: true, path: true } },
  field: { select: { name: true } },
  campaign: {
    select: {
      id: true,
      title: true,
      status: true,
      nameMaxLength: true,
      fields: { select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } },
      rubric: { select: { criteria: { select: { id: true, name: true, maxPoints: true, guidance: true }, orderBy: { sortOrder: 'asc' } } } },
      program: true,
      stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
    },
  },
} satisfies Prisma.ApplicationSelect;

const DETAIL_WITH_RETURN_STATE = { ...APPLICATION_DETAIL_SELECT, ...RETURN_STATE_SELECT } satisfies Prisma.ApplicationSelect;

type TApplicationRow = Prisma.ApplicationGetPayload<{ select: typeof DETAIL_WITH_RETURN_STATE }>;

export function valuesOf(application: Omit<TApplicationValues, 'fieldId' | 'selfAssessment'> & { fieldId: string | null; selfAssessment: unknown }): TApplicationValues {
  const texts = (application.selfAssessment ?? {}) as Record<string, unknown>;
  return {
    fieldId: application.fieldId ?? '',
    ...pickFormTexts(application),
    selfAssessment: Object.fromEntries(Object.entries(texts).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
  };
}

function detailOf(row: TApplicationRow, grants: readonly TRoleGrant[], now: Date) {
  const life = { status: row.campaign.status, program: row.campaign.program, stages: row.campaign.stages, now };
  const window = editWindow(life, row);
  const declaration = window.status;
  const canEdit = canEditApplication(grants, row);
  return {
    id: row.id,
    status: row.status,
    revision: row.revision,
    submittedAt: row.submittedAt,
    returnReason: row.returnReason,
    returnedFrom: row.returnedFrom,
    /** Until when the branch may still edit and submit (申报 end, or the stage a returned entry reopens). */
    editableUntil: window.endsAt,
    updatedAt: row.updatedAt,
    organization: { id: row.organization.id, name: row.organization.name },
    fieldName: row.field?.name ?? null,
    campaign: { id: row.campaign.id, title: row.campaign.title, fields: row.campaign.fields, criteria: row.campaign.rubric?.criteria ?? [] },
    rules: formRulesOf(row.campaign),
    values: valuesOf(row),
    declaration,
    canEdit: canEdit && row.status !== 'SUBMITTED' && declaration === 'open',
    isSecretary: canEdit,
    /** 退回重新申报 is offered only when the campaign still allows it (the service asks the same rule). */
    canReturn: canReturnApplication(grants, row) && !returnRefusal(life, returnFactsOf(row)),
  };
}

export type TApplicationDetail = ReturnType<typeof detailOf>;

/** One application as the given user may see it; NOT_FOUND when it does not exist or is outside their scope. */
export async function getApplicationForUser(applicationId: string, grants: readonly TRoleGrant[], client: TTx = db): Promise<TApplicationDetail> {
  const [now, row] = await Promise.all([dbNow(client), client.application.findUnique({ where: { id: applicationId }, select: DETAIL_WITH_RETURN_STATE })]);
  assertCanRead(grants, row);
  return detailOf(row, grants, now);
}

/**
 * Published campaigns the secretary's organizations take part in (run by the organization or an ancestor): one row per
 * application of the organization (several when the campaign allows them), or one without when it has none yet.
 */
export async function listDeclarations(grants: readonly TRoleGrant[]) {
  const organizations = scopeRoots(grants, ['BRANCH_SECRETARY']);
  if (organizations.length === 0) return { now: await dbNow(), rows: [] };
  const ownerIds = [...new Set(organizations.flatMap((grant) => ancestorIdsOf(grant.organizationPath)))];
  const [now, campaigns, applications] = await Promise.all([
    dbNow(),
    db.campaign.findMany({
      where: { status: 'PUBLISHED', ownerOrgId: { in: ownerIds } },
      select: {
        id: true,
        title: true,
        year: true,
        status: true,
        ownerOrgId: true,
        recommendingDepths: true,
        allowMultipleApplications: true,
        program: true,
        stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
      },
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
      take: 50,
    }),
    db.application.findMany({
      where: { organizationId: { in: organizations.map((grant) => grant.organizationId) } },
      select: {
        id: true,
        campaignId: true,
        organizationId: true,
        slot: true,
        status: true,
        brandName: true,
        returnReason: true,
        returnedFrom: true,
        submittedAt: true,
        updatedAt: true,
        organization: { select: { path: true } },
        recommendations: { select: { organizationId: true, decision: true, reason: true, organization: { select: { name: true } } } },
        qualification: { select: { result: true } },
        awardedHonors: { where: { revokedAt: null }, select: { certificateNo: true, awardName: true }, orderBy: { sortOrder: 'asc' } },
      },
    }),
  ]);
  const brandsByOrg = await brandsOfOrganizations(organizations.map((grant) => grant.organizationId));
  const levelNames = new Map(
    (await db.organization.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })).map((org) => [org.id, org.name]),
  );
  const rows = campaigns.flatMap((campaign) =>
    organizations
      .filter((grant) => ancestorIdsOf(grant.organizationPath).includes(campaign.ownerOrgId))
      .flatMap((grant) => {
        const life = { status: campaign.status, program: campaign.program, stages: campaign.stages, now };
        const own = applications.filter((row) => row.campaignId === campaign.id && row.organizationId === grant.organizationId).sort((a, b) => a.slot - b.slot);
        const canAddAnother = campaign.allowMultipleApplications && own.length > 0 && !operationRefusal('declare', life);
        const rowOf = (application: (typeof own)[number] | null, isLast: boolean) => {
          const window = editWindow(life, application);
          return {
            campaign: { id: campaign.id, title: campaign.title, allowMultipleApplications: campaign.allowMultipleApplications },
            organization: { id: grant.organizationId, name: grant.organizationName },
            declaration: window.status,
            declarationEndsAt: window.endsAt,
            application,
            progress: application ? describeProgress({ ...application, campaign }, levelNames) : null,
            /** 再申报一个品牌 is offered below the organization's last application while 申报 is open. */
            canAddAnother: canAddAnother && isLast,
            /** 从上次申报开始: the organization's brands a new declaration may start from. */
            brands: brandsByOrg.get(grant.organizationId) ?? [],
          };
        };
        return own.length ? own.map((application, index) => rowOf(application, index === own.length - 1)) : [rowOf(null, true)];
      }),
  );
  return { now, rows };
}

export type TDeclarationRow = Awaited<ReturnType<typeof listDeclarations>>['rows'][number];

/** Submitted versions, oldest first, with who submitted and who returned each. */
export async function listVersions(applicationId: string, grants: readonly TRoleGrant[]) {
  const application = await getApplicationForUser(applicationId, grants);
  const versions = await db.applicationVersion.findMany({
    where: { applicationId },
    orderBy: { number: 'asc' },
    select: {
      id: true,
      number: true,
      snapshot: true,
      submittedAt: true,
      returnedAt: true,
      returnReason: true,
      submittedBy: { select: { displayName: true } },
      returnedBy: { select: { displayName: true } },
    },
  });
  return { application, versions };
}

/** For pages: null instead of NOT_FOUND, so the page can answer with its 404. */
export async function findApplicationForUser(applicationId: string, grants: readonly TRoleGrant[]): Promise<TApplicationDetail | null> {
  return getApplicationForUser(applicationId, grants).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
}
