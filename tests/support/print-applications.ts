import { db } from '@/lib/db';
import type { ApplicationStatus, Role } from '@/lib/generated/prisma/enums';
import type { TSessionUser } from '@/lib/auth/session';
import { createUser } from './factories';

let counter = 0;

/** An application written straight to the database, as the declaration form would leave it. */
export async function createPrintableApplication(input: {
  campaignId: string;
  organizationId: string;
  brandName?: string;
  status?: ApplicationStatus;
  fieldId?: string | null;
  texts?: Partial<Record<'essence' | 'carriers' | 'norms' | 'practices' | 'honors' | 'slogan', string>>;
}) {
  const rubric = await db.rubric.findUnique({ where: { campaignId: input.campaignId }, include: { criteria: true } });
  const selfAssessment = Object.fromEntries((rubric?.criteria ?? []).map((criterion) => [criterion.id, `对照“${criterion.name}”的自评说明`]));
  const status = input.status ?? 'SUBMITTED';
  return db.application.create({
    data: {
      campaignId: input.campaignId,
      organizationId: input.organizationId,
      status,
      fieldId: input.fieldId ?? null,
      brandName: input.brandName ?? `测试品牌${counter++}`,
      slogan: '红色引擎 服务为民',
      secretaryName: '张书记',
      contactName: '李联络',
      contactPhone: '13912345678',
      selfAssessment,
      submittedAt: status === 'DRAFT' ? null : new Date(),
      ...input.texts,
    },
  });
}

/** The session view of a new user holding `roles` (what requireUser returns), for access checks without cookies. */
export async function staffUserWith(roles: { role: Role; organizationId: string }[]): Promise<TSessionUser> {
  const user = await createUser({ roles });
  const organizations = await db.organization.findMany({ where: { id: { in: roles.map((grant) => grant.organizationId) } } });
  const byId = new Map(organizations.map((org) => [org.id, org]));
  return {
    id: user.id,
    sessionId: 'test-session',
    loginName: user.loginName,
    displayName: user.displayName,
    mustChangePassword: false,
    roles: roles.map((grant) => ({ ...grant, organizationName: byId.get(grant.organizationId)!.name, organizationPath: byId.get(grant.organizationId)!.path })),
  };
}
