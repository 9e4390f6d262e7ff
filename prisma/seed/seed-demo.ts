import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { dbNow } from '@/lib/db';
import { createCampaign } from '@/lib/campaign/service';
import { defaultCampaignSetup } from '@/lib/campaign/setup-values';
import { depthOf, pathFor } from '@/lib/org-tree/tree';
import { DEMO_CAMPAIGN_TITLE, DEMO_CITY, DEMO_PASSWORD, DEMO_USERS, type TSeedOrg } from './demo-city';
import { seedHonoredCampaign } from './demo-honors';
import { DEMO_CREATION_TITLE, demoCultivations, seedDemoPrograms } from './demo-programs';
import { seedLedgers } from './demo-ledgers';
import { seedAcceptance } from './demo-acceptance';
import { seedDemoBelts } from './demo-belts';
import { seedDemoComments } from './demo-comments';
import { seedDemoSites } from './demo-sites';
import { seedDemoSiteChecks } from './demo-site-checks';
import { seedDemoPairings } from './demo-pairings';
import { seedDemoPromotion } from './demo-promotion';

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
    if (existing) {
      await upsertExpertProfile(db, existing.id, user);
      continue;
    }
    const created = await db.user.create({
      data: { loginName: user.loginName, displayName: user.displayName, phone: user.phone, passwordHash, mustChangePassword: false },
    });
    for (const grant of user.roles) {
      const org = await db.organization.findUniqueOrThrow({ where: { code: grant.orgCode }, select: { id: true } });
      await db.roleAssignment.create({ data: { userId: created.id, role: grant.role, organizationId: org.id } });
    }
    await upsertExpertProfile(db, created.id, user);
  }
}

async function upsertExpertProfile(db: PrismaClient, userId: string, user: (typeof DEMO_USERS)[number]) {
  if (!user.expert) return;
  const home = await db.organization.findUniqueOrThrow({ where: { code: user.expert.homeOrgCode }, select: { id: true } });
  const data = { homeOrganizationId: home.id, expertise: user.expert.expertise, title: user.expert.title, workUnit: user.expert.workUnit };
  await db.expertProfile.upsert({ where: { userId }, create: { userId, ...data }, update: {} });
}

/** The demo campaign, open for declaration, its dates relative to database time so the demo is always live. */
async function upsertCampaign(db: PrismaClient) {
  const owner = await db.organization.findUniqueOrThrow({ where: { code: DEMO_CITY.code }, select: { id: true } });
  const existing = await db.campaign.findFirst({ where: { title: DEMO_CAMPAIGN_TITLE, ownerOrgId: owner.id }, select: { id: true } });
  if (existing) return;
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const now = await dbNow(db);
  const setup = defaultCampaignSetup({ now, ownerOrgId: owner.id, firstStageStartsAt: new Date(now.getTime() - 3 * DAY) });
  await db.$transaction((tx) =>
    createCampaign(
      {
        ...setup,
        title: DEMO_CAMPAIGN_TITLE,
        year: 2026,
        batch: 1,
        description: '深入实施党建品牌创建工程，选树一批特色鲜明、作用突出、群众认可的基层党建品牌。',
        quotas: { ...setup.quotas, recommendingDepths: [1, 2] },
        // The demo shows both ways to vote and the live counts.
        voting: { ...setup.voting, publicVotingEnabled: true, resultsVisibility: 'LIVE' },
        publish: true,
      },
      { actorId: admin.id, ip: null, tx },
    ),
  );
}

/** Idempotent: running it again changes nothing. */
export async function seedDemoCity(db: PrismaClient): Promise<void> {
  await upsertOrg(db, DEMO_CITY, null, 0);
  await upsertUsers(db);
  await upsertCampaign(db);
  await seedHonoredCampaign(db);
  await seedDemoPrograms(db);
  // 创建方案 and 台帐: the 县直机关第二批 brands first (立德树人先锋's plan returned, 红烛领航 missing a month), then the
  // 2025 honourees, then the demo city's other cultivations.
  const first = await demoCultivations(db);
  const byOrg = (code: string) => first.find((row) => row.campaign.title === DEMO_CREATION_TITLE && row.organizationCode === code)?.id;
  // Only the demo city's own campaigns: the database may hold other data (tests share theirs with the seed).
  const rest = await db.cultivation.findMany({
    where: { id: { notIn: first.map((row) => row.id) }, campaign: { ownerOrg: { code: DEMO_CITY.code } } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  await seedLedgers(db, [...first.map((row) => row.id), ...rest.map((row) => row.id)], { returnedPlan: byOrg('SF-JG-03'), missingMonth: byOrg('SF-JG-05') });
  // 验收认定 inside that campaign: one request waiting, one passed, one failed.
  await seedAcceptance(db);
  // 示范建设: the program and its 示范点 (belts, pairings and events build on them).
  await seedDemoSites(db);
  await seedDemoSiteChecks(db);
  await seedDemoBelts(db);
  // 群众意见 on the first 东城 site (and on 东城红色示范带 once it is approved).
  await seedDemoComments(db);
  await seedDemoPairings(db);
  await seedDemoPromotion(db);
}
