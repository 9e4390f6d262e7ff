// Names of the 示范建设, 结对共建, 宣传推广 and 认定 records in the audit log (issue 20's tables), one query per table
// for a page of rows, keyed `Type:id` like the rest of lib/audit-log/names.ts.
import { db } from '@/lib/db';

const named = { select: { name: true } } as const;
const SHANGHAI_DAY = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const day = (date: Date) => SHANGHAI_DAY.format(date);
const COMMENT_STATUS: Record<string, string> = { PENDING: '待审核', APPROVED: '已公开', REJECTED: '未采纳' };

/** `of(type)` lists the ids of that entity type on the page. */
export async function loadDemonstrationNames(of: (type: string) => string[]): Promise<[string, string][]> {
  const where = (type: string) => ({ where: { id: { in: of(type) } } });
  const [programs, sites, items, assessments, belts, improvements, comments, pairings, activities, schedules, events, contestEntries, brochures, recognitions] =
    await Promise.all([
      db.demoProgram.findMany({ ...where('DemoProgram'), select: { id: true, title: true } }),
      db.demoSite.findMany({ ...where('DemoSite'), select: { id: true, name: true } }),
      db.checklistItem.findMany({ ...where('ChecklistItem'), select: { id: true, itemName: true, site: named, belt: named } }),
      db.siteAssessment.findMany({ ...where('SiteAssessment'), select: { id: true, year: true, version: true, site: named } }),
      db.demoBelt.findMany({ ...where('DemoBelt'), select: { id: true, name: true } }),
      db.improvementItem.findMany({ ...where('ImprovementItem'), select: { id: true, kind: true, title: true, site: named, belt: named } }),
      db.publicComment.findMany({ ...where('PublicComment'), select: { id: true, displayName: true, status: true, site: named, belt: named } }),
      db.pairing.findMany({ ...where('Pairing'), select: { id: true, partnerName: true, brandOrg: named, partnerOrg: named } }),
      db.pairingActivity.findMany({ ...where('PairingActivity'), select: { id: true, activity: true, occurredOn: true, pairing: { select: { brandOrg: named } } } }),
      db.promotionSchedule.findMany({ ...where('PromotionSchedule'), select: { id: true, title: true } }),
      db.promotionEvent.findMany({ ...where('PromotionEvent'), select: { id: true, title: true, heldAt: true } }),
      db.contestEntry.findMany({ ...where('ContestEntry'), select: { id: true, topic: true, organization: named, event: { select: { title: true } } } }),
      db.brochure.findMany({ ...where('Brochure'), select: { id: true, title: true } }),
      db.recognition.findMany({ ...where('Recognition'), select: { id: true, recognitionNo: true, brandName: true } }),
    ]);
  const placeOf = (row: { site: { name: string } | null; belt: { name: string } | null }) => row.site?.name ?? row.belt?.name ?? '';
  return [
    ...programs.map((row) => [`DemoProgram:${row.id}`, row.title] as [string, string]),
    ...sites.map((row) => [`DemoSite:${row.id}`, row.name] as [string, string]),
    ...items.map((row) => [`ChecklistItem:${row.id}`, `${placeOf(row)} · ${row.itemName}`] as [string, string]),
    ...assessments.map((row) => [`SiteAssessment:${row.id}`, `${row.site.name} ${row.year}年度考评（第 ${row.version} 版）`] as [string, string]),
    ...belts.map((row) => [`DemoBelt:${row.id}`, row.name] as [string, string]),
    ...improvements.map((row) => [`ImprovementItem:${row.id}`, `${placeOf(row)} · ${row.kind === 'PROBLEM' ? '问题' : '提升'}：${row.title}`] as [string, string]),
    ...comments.map((row) => [`PublicComment:${row.id}`, `${row.displayName}对${placeOf(row)}的意见（${COMMENT_STATUS[row.status] ?? row.status}）`] as [string, string]),
    ...pairings.map((row) => [`Pairing:${row.id}`, `${row.brandOrg.name} 与 ${row.partnerOrg?.name ?? row.partnerName ?? '结对对象'} 结对共建`] as [string, string]),
    ...activities.map((row) => [`PairingActivity:${row.id}`, `${row.pairing.brandOrg.name} · ${day(row.occurredOn)} ${row.activity}`] as [string, string]),
    ...schedules.map((row) => [`PromotionSchedule:${row.id}`, row.title] as [string, string]),
    ...events.map((row) => [`PromotionEvent:${row.id}`, `${row.title}（${day(row.heldAt)}）`] as [string, string]),
    ...contestEntries.map((row) => [`ContestEntry:${row.id}`, `${row.event.title} · ${row.organization.name}：${row.topic}`] as [string, string]),
    ...brochures.map((row) => [`Brochure:${row.id}`, row.title] as [string, string]),
    ...recognitions.map((row) => [`Recognition:${row.id}`, `${row.recognitionNo} · “${row.brandName}”`] as [string, string]),
  ];
}
