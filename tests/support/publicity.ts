import { db } from '@/lib/db';
import { publishPublicity } from '@/lib/publicity/service';
import { createListedScope, openStage } from './reviews';

/** Today and a day offset as Asia/Shanghai calendar days (YYYY-MM-DD). */
export function shanghaiDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A listed campaign (createListedScope) with a signed 领导小组审定 written straight to the database: the first
 * `awarded` entries win the campaign's first award (count raised to fit), the rest get none; the 初评审定 stage is open.
 * No ranking is needed.
 */
export async function createAwardedScope(options: { entries: number; awarded?: number }) {
  const scope = await createListedScope(options.entries);
  const campaignId = scope.campaign.id;
  const awarded = options.awarded ?? options.entries;
  let award = await db.award.findFirst({ where: { campaignId, fieldId: null }, orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, count: true } });
  if (!award) award = await db.award.create({ data: { campaignId, kind: 'EXCELLENT', name: '优秀党建品牌', count: awarded }, select: { id: true, name: true, count: true } });
  if (award.count < awarded) award = await db.award.update({ where: { id: award.id }, data: { count: awarded }, select: { id: true, name: true, count: true } });
  const decision = await db.decision.create({
    data: {
      campaignId,
      kind: 'FINAL',
      version: 1,
      meetingDate: new Date(`${shanghaiDay()}T00:00:00Z`),
      attendees: '领导小组全体成员',
      items: {
        create: scope.entries.map((entry, index) => ({
          applicationId: entry.id,
          rank: index + 1,
          score: 95 - index,
          awards: { create: index < awarded ? [{ awardId: award.id, isDecided: true, isProposed: true }] : [] },
        })),
      },
    },
    select: { id: true },
  });
  await db.decision.update({ where: { id: decision.id }, data: { signedAt: new Date(), signedById: scope.cityAdmin.id } });
  await openStage(campaignId, 'DELIBERATION');
  return { ...scope, award, decision };
}

/** Publishes the 公示 through the service, open from today for `days` days. */
export async function openPublicity(campaignId: string, actorId: string, days = 5) {
  return publishPublicity({ campaignId, startsOn: shanghaiDay(), endsOn: shanghaiDay(days - 1), contactPhone: '0571-88886666', contactAddress: '示范市人民路 1 号市委组织部 305 室', notice: '如有异议，请实名反映。' }, { actorId, ip: '10.9.9.1' });
}

/** Ends the 公示 in force by database time (as if its last day had passed). */
export async function endPublicity(campaignId: string) {
  await db.$executeRaw`
    UPDATE publicities SET starts_at = LEAST(starts_at, now() - interval '2 days'), ends_at = now() - interval '1 millisecond'
    WHERE campaign_id = ${campaignId} AND version = (SELECT max(version) FROM publicities WHERE campaign_id = ${campaignId})`;
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = LEAST(starts_at, now() - interval '2 days'), ends_at = now() - interval '1 millisecond' WHERE campaign_id = ${campaignId} AND kind = 'PUBLICITY'`;
}

/** A filed objection written straight to the database (the public form is tested on its own), bound to the 公示 in force. */
export async function insertObjection(campaignId: string, applicationId: string, changes: { status?: 'RECEIVED' | 'ACCEPTED' | 'INVESTIGATING' | 'ANSWERED' | 'DECLINED'; outcome?: 'UPHELD' | 'DISMISSED' } = {}) {
  const status = changes.status ?? 'RECEIVED';
  const publicity = await db.publicity.findFirstOrThrow({ where: { campaignId }, orderBy: { version: 'desc' }, select: { id: true } });
  const closed = status === 'ANSWERED' || status === 'DECLINED';
  return db.objection.create({
    data: {
      campaignId,
      applicationId,
      publicityId: publicity.id,
      trackingCode: `T${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      name: '张三',
      phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      facts: '该品牌申报材料中的成效数据与实际不符。',
      status,
      outcome: status === 'ANSWERED' ? (changes.outcome ?? 'DISMISSED') : null,
      answer: closed ? '经核查，答复如下。' : null,
      answeredAt: closed ? new Date() : null,
      events: { create: { step: 'FILED', note: '' } },
    },
    select: { id: true, trackingCode: true },
  });
}
