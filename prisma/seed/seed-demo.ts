import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { DEFAULT_AWARDS, DEFAULT_STAGE_DAYS, RUBRIC_TEMPLATES, STAGE_ORDER } from '@/lib/campaign/templates';
import { ORG_FIELDS, ORG_FIELD_LABELS } from '@/lib/organization/fields';
import { depthOf, pathFor } from '@/lib/organization/tree';
import { DEMO_CAMPAIGN_TITLE, DEMO_CITY, DEMO_PASSWORD, DEMO_USERS, type TSeedOrg } from './demo-city';

const DAY = 86_400_000;

async function upsertOrg(db: PrismaClient, org: TSeedOrg, parent: { id: string; path: string } | null, sortOrder: number) {
  const existing = await db.organization.findUnique({ where: { code: org.code }, select: { id: true, path: true } });
  const id = existing?.id ?? randomUUID();
  const path = existing?.path ?? pathFor(parent?.path ?? null, id);
  const data = {
    name: org.name,
    shortName: org.shortName ?? null,
    levelLabel: org.levelLabel,
    field: org.field ?? null,
    memberCount: org.memberCount ?? 0,
    secretaryName: org.secretaryName ?? null,
    sortOrder,
  };
  if (!existing) {
    await db.organization.create({ data: { id, code: org.code, parentId: parent?.id ?? null, path, depth: depthOf(path), ...data } });
  }
  let index = 0;
  for (const child of org.children ?? []) await upsertOrg(db, child, { id, path }, index++);
}

async function upsertUsers(db: PrismaClient) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { loginName: user.loginName }, select: { id: true } });
    if (existing) continue;
    const created = await db.user.create({
      data: { loginName: user.loginName, displayName: user.displayName, phone: user.phone, passwordHash, mustChangePassword: false },
    });
    for (const grant of user.roles) {
      const org = await db.organization.findUniqueOrThrow({ where: { code: grant.orgCode }, select: { id: true } });
      await db.roleAssignment.create({ data: { userId: created.id, role: grant.role, organizationId: org.id } });
    }
  }
}

/** The demo campaign, open for declaration, its dates relative to now so the demo is always live. */
async function upsertCampaign(db: PrismaClient) {
  const owner = await db.organization.findUniqueOrThrow({ where: { code: DEMO_CITY.code }, select: { id: true } });
  const existing = await db.campaign.findFirst({ where: { title: DEMO_CAMPAIGN_TITLE, ownerOrgId: owner.id } });
  if (existing) return;
  const admin = await db.user.findUnique({ where: { loginName: 'admin' }, select: { id: true } });
  let cursor = Date.now() - 3 * DAY;
  const stages = STAGE_ORDER.map((kind) => {
    const startsAt = new Date(cursor);
    cursor += DEFAULT_STAGE_DAYS[kind] * DAY;
    return { kind, startsAt, endsAt: new Date(cursor), isEnabled: true };
  });
  await db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        title: DEMO_CAMPAIGN_TITLE,
        year: 2026,
        batch: 1,
        description: '深入实施党建品牌创建工程，选树一批特色鲜明、作用突出、群众认可的基层党建品牌。',
        ownerOrgId: owner.id,
        status: 'PUBLISHED',
        recommendingDepths: [1, 2],
        createdById: admin?.id ?? null,
        stages: { create: stages },
        fields: { create: ORG_FIELDS.map((field, index) => ({ name: ORG_FIELD_LABELS[field], sortOrder: index, orgFields: [field] })) },
        rubric: {
          create: {
            template: 'FOUR_HAVE_ONE_GOOD',
            criteria: { create: RUBRIC_TEMPLATES.FOUR_HAVE_ONE_GOOD.criteria.map((criterion, index) => ({ ...criterion, sortOrder: index })) },
          },
        },
      },
      include: { fields: true },
    });
    let sortOrder = 0;
    for (const award of DEFAULT_AWARDS) {
      const targets = award.perField ? campaign.fields : [null];
      for (const field of targets) {
        await tx.award.create({
          data: {
            campaignId: campaign.id,
            kind: award.kind,
            name: field ? award.name.replace('{field}', field.name) : award.name,
            count: award.count,
            fieldId: field?.id ?? null,
            sortOrder: sortOrder++,
          },
        });
      }
    }
    await tx.auditLog.create({
      data: { actorId: null, action: 'seed-demo-campaign', entityType: 'Campaign', entityId: campaign.id, after: { title: campaign.title } },
    });
  });
}

/** Idempotent: running it again changes nothing. */
export async function seedDemoCity(db: PrismaClient): Promise<void> {
  await upsertOrg(db, DEMO_CITY, null, 0);
  await upsertUsers(db);
  await upsertCampaign(db);
}
