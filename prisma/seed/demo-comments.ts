// 群众意见 in the demo (issue 20, seed 003 "让群众提出意见"): on the first site of 东城's route (幸福里社区党群服务中心)
// one comment approved with a reply of the 东华街道党工委, one waiting for moderation and one not shown (with its reason);
// and, when the belt 东城红色示范带 exists and is approved, one approved comment on it. Belts are not created here.
// The demo comments come from no real phone: their hash is of a fixed label, not of a number.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { EAST_ROUTE } from './demo-sites';

export const DEMO_BELT_NAME = '东城红色示范带';

const demoHash = (label: string) => createHash('sha256').update(`demo-public-comment:${label}`).digest('hex');
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);

/** Idempotent: nothing is added where the demo's comments already are. */
export async function seedDemoComments(db: PrismaClient): Promise<void> {
  const staff = await db.user.findUniqueOrThrow({ where: { loginName: 'dh-admin' }, select: { id: true } });
  const site = await db.demoSite.findFirst({ where: { name: EAST_ROUTE[0]!.name, organization: { code: EAST_ROUTE[0]!.orgCode } }, select: { id: true } });
  if (site && (await db.publicComment.count({ where: { siteId: site.id } })) === 0) {
    await db.publicComment.create({
      data: {
        siteId: site.id,
        phoneHash: demoHash('site-approved'),
        body: '服务中心的“红色议事厅”帮我们解决了小区停车难的问题，希望周末也能开放，方便上班族参加活动。',
        status: 'APPROVED',
        createdAt: daysAgo(9),
        moderatedAt: daysAgo(8),
        moderatedById: staff.id,
        reply: '感谢您的建议！自下月起每周六上午 9:00—12:00 开放，党员志愿者轮流值守。',
        repliedAt: daysAgo(7),
        repliedById: staff.id,
      },
    });
    await db.publicComment.create({
      data: { siteId: site.id, phoneHash: demoHash('site-pending'), body: '建议在服务中心门口增加无障碍坡道，老人推轮椅进出不方便。', createdAt: daysAgo(1) },
    });
    await db.publicComment.create({
      data: {
        siteId: site.id,
        phoneHash: demoHash('site-rejected'),
        body: '低价出售二手家电，有意者私聊。',
        status: 'REJECTED',
        createdAt: daysAgo(4),
        moderatedAt: daysAgo(4),
        moderatedById: staff.id,
        rejectReason: '与示范点建设无关的广告内容',
      },
    });
  }
  const belt = await db.demoBelt.findFirst({ where: { name: DEMO_BELT_NAME, status: 'APPROVED' }, select: { id: true } });
  if (belt && (await db.publicComment.count({ where: { beltId: belt.id } })) === 0) {
    await db.publicComment.create({
      data: {
        beltId: belt.id,
        phoneHash: demoHash('belt-approved'),
        body: '沿线八个点走下来很有收获，建议在每个点设置统一的红色标识和线路指引牌。',
        status: 'APPROVED',
        createdAt: daysAgo(6),
        moderatedAt: daysAgo(5),
        moderatedById: staff.id,
        reply: '已纳入今年提升清单，统一标识将于年底前安装到位。',
        repliedAt: daysAgo(5),
        repliedById: staff.id,
      },
    });
  }
}
