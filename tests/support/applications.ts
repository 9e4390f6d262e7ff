import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import type { TSessionUser } from '@/lib/auth/session';
import { createUser } from './factories';

type TTexts = Partial<Record<'slogan' | 'essence' | 'carriers' | 'norms' | 'practices' | 'honors' | 'secretaryName' | 'contactName' | 'contactPhone', string>>;

/** A submitted application written straight to the database (no stage checks), for tests of what reads it. */
export async function createTestApplication(input: { campaignId: string; organizationId: string; brandName?: string; texts?: TTexts; status?: 'DRAFT' | 'SUBMITTED' | 'RETURNED' }) {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: input.campaignId }, select: { fields: { select: { id: true } }, rubric: { select: { criteria: { select: { id: true } } } } } });
  return db.application.create({
    data: {
      campaignId: input.campaignId,
      organizationId: input.organizationId,
      status: input.status ?? 'SUBMITTED',
      submittedAt: input.status === 'DRAFT' ? null : new Date(),
      fieldId: campaign.fields[0]?.id ?? null,
      brandName: input.brandName ?? '测试品牌',
      slogan: '一心向党',
      essence: '品牌内涵',
      carriers: '创建载体',
      norms: '工作服务规范',
      practices: '主要做法与成效',
      honors: '',
      secretaryName: '张书记',
      contactName: '李联系',
      contactPhone: '13812345678',
      selfAssessment: Object.fromEntries((campaign.rubric?.criteria ?? []).map((criterion) => [criterion.id, '已做到'])),
      ...input.texts,
    },
  });
}

/** A signed-in user as the guards see it, holding the given roles. */
export async function sessionUserWith(roles: { role: Role; organizationId: string }[]): Promise<TSessionUser> {
  const user = await createUser({ roles });
  const organizations = await db.organization.findMany({ where: { id: { in: roles.map((grant) => grant.organizationId) } }, select: { id: true, name: true, path: true } });
  return {
    id: user.id,
    sessionId: `test-${user.id}`,
    loginName: user.loginName,
    displayName: user.displayName,
    mustChangePassword: false,
    roles: roles.map((grant) => {
      const organization = organizations.find((org) => org.id === grant.organizationId)!;
      return { role: grant.role, organizationId: organization.id, organizationName: organization.name, organizationPath: organization.path };
    }),
  };
}
