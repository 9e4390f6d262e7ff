// Names for a page of audit rows, loaded in one query per table (never per row): the object each row is about, and
// every id inside its before/after JSON.
import { db } from '@/lib/db';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { collectRefs, type TAuditNames } from '@/lib/audit-log/changes';
import type { TRefKind } from '@/lib/audit-log/fields';
import { loadDemonstrationNames } from '@/lib/audit-log/demonstration-names';

type TRow = { entityType: string; entityId: string; before: unknown; after: unknown };

const DECISION_KINDS: Record<string, string> = { PRELIMINARY: '部务会初评', FINAL: '领导小组审定' };

/** Entity types that are rows of a named table, found by their id in the same lookup as the ids in the JSON. */
const ENTITY_REFS: Partial<Record<string, TRefKind>> = {
  Organization: 'organization',
  User: 'user',
  Campaign: 'campaign',
  Application: 'application',
  Decision: 'decision',
  StoredFile: 'file',
};

const emptyRefs = (): Record<TRefKind, Set<string>> => ({
  organization: new Set(),
  user: new Set(),
  campaign: new Set(),
  application: new Set(),
  decision: new Set(),
  award: new Set(),
  file: new Set(),
  field: new Set(),
  site: new Set(),
  brand: new Set(),
});

const ids = (set: Set<string>) => [...set];
const brandOf = (brandName: string) => (brandName ? `“${brandName}”` : '（未填品牌名称）');
const payload = (row: TRow): Record<string, unknown> => ({ ...(row.before as object | null), ...(row.after as object | null) });

export async function loadAuditNames(rows: readonly TRow[]): Promise<{ names: TAuditNames; entityName: (row: TRow) => string | null }> {
  const refs = emptyRefs();
  collectRefs(rows.flatMap((row) => [row.before, row.after]), refs);
  const byType = new Map<string, Set<string>>();
  for (const row of rows) {
    const ref = ENTITY_REFS[row.entityType];
    if (ref) refs[ref].add(row.entityId);
    else byType.set(row.entityType, (byType.get(row.entityType) ?? new Set()).add(row.entityId));
  }
  const of = (type: string) => ids(byType.get(type) ?? new Set());
  const campaignTitle = { select: { title: true } } as const;
  const application = { select: { brandName: true, organization: { select: { name: true } } } } as const;

  const brandOfCultivation = { select: { brand: { select: { name: true } } } } as const;
  const [organizations, users, campaigns, applications, decisions, awards, files, fields, brandLists, publicities, objections, announcements, honors, sheets, panels, plans, ledgerEntries, ledgerReports, acceptances, demonstration, sites, brands, documents] =
    await Promise.all([
      db.organization.findMany({ where: { id: { in: ids(refs.organization) } }, select: { id: true, name: true } }),
      db.user.findMany({ where: { id: { in: ids(refs.user) } }, select: { id: true, displayName: true, loginName: true } }),
      db.campaign.findMany({ where: { id: { in: ids(refs.campaign) } }, select: { id: true, title: true } }),
      db.application.findMany({ where: { id: { in: ids(refs.application) } }, select: { id: true, brandName: true, organization: { select: { name: true } } } }),
      db.decision.findMany({ where: { id: { in: ids(refs.decision) } }, select: { id: true, kind: true, version: true, campaign: campaignTitle } }),
      db.award.findMany({ where: { id: { in: ids(refs.award) } }, select: { id: true, name: true } }),
      db.storedFile.findMany({ where: { id: { in: ids(refs.file) } }, select: { id: true, originalName: true } }),
      db.campaignField.findMany({ where: { id: { in: ids(refs.field) } }, select: { id: true, name: true } }),
      db.brandList.findMany({ where: { id: { in: of('BrandList') } }, select: { id: true, version: true, campaign: campaignTitle } }),
      db.publicity.findMany({ where: { id: { in: of('Publicity') } }, select: { id: true, campaign: campaignTitle } }),
      db.objection.findMany({ where: { id: { in: of('Objection') } }, select: { id: true, application } }),
      db.announcement.findMany({ where: { id: { in: of('Announcement') } }, select: { id: true, title: true } }),
      db.honor.findMany({ where: { id: { in: of('Honor') } }, select: { id: true, certificateNo: true, brandName: true, awardName: true } }),
      db.reviewAssignment.findMany({ where: { id: { in: of('ReviewAssignment') } }, select: { id: true, round: true, expert: { select: { displayName: true } }, application } }),
      db.expertPanel.findMany({ where: { id: { in: of('ExpertPanel') } }, select: { id: true, name: true } }),
      db.cultivationPlan.findMany({ where: { id: { in: of('CultivationPlan') } }, select: { id: true, cultivation: brandOfCultivation } }),
      db.ledgerEntry.findMany({ where: { id: { in: of('LedgerEntry') } }, select: { id: true, activity: true, occurredOn: true, cultivation: brandOfCultivation } }),
      db.ledgerReport.findMany({ where: { id: { in: of('LedgerReport') } }, select: { id: true, month: true, cultivation: brandOfCultivation } }),
      db.acceptanceRequest.findMany({ where: { id: { in: of('AcceptanceRequest') } }, select: { id: true, round: true, cultivation: { select: { brand: { select: { name: true, organization: { select: { name: true } } } } } } } }),
      loadDemonstrationNames(of),
      db.demoSite.findMany({ where: { id: { in: ids(refs.site) } }, select: { id: true, name: true } }),
      db.brand.findMany({ where: { id: { in: ids(refs.brand) } }, select: { id: true, name: true } }),
      db.issuedDocument.findMany({ where: { id: { in: of('IssuedDocument') } }, select: { id: true, number: true, title: true } }),
    ]);

  const decisionName = (decision: (typeof decisions)[number]) => `${DECISION_KINDS[decision.kind] ?? decision.kind} 第 ${decision.version} 版`;
  const names: TAuditNames = {
    organization: new Map(organizations.map((row) => [row.id, row.name])),
    user: new Map(users.map((row) => [row.id, row.displayName])),
    campaign: new Map(campaigns.map((row) => [row.id, row.title])),
    application: new Map(applications.map((row) => [row.id, row.brandName ? `“${row.brandName}”` : `${row.organization.name}的申报`])),
    decision: new Map(decisions.map((row) => [row.id, decisionName(row)])),
    award: new Map(awards.map((row) => [row.id, row.name])),
    file: new Map(files.map((row) => [row.id, row.originalName])),
    field: new Map(fields.map((row) => [row.id, row.name])),
    site: new Map(sites.map((row) => [row.id, row.name])),
    brand: new Map(brands.map((row) => [row.id, `“${row.name}”`])),
  };
  const entityNames = new Map<string, string>([
    ...users.map((row) => [`User:${row.id}`, `${row.displayName}（${row.loginName}）`] as const),
    ...applications.map((row) => [`Application:${row.id}`, `${brandOf(row.brandName)} · ${row.organization.name}`] as const),
    ...decisions.map((row) => [`Decision:${row.id}`, `${row.campaign.title} · ${decisionName(row)}`] as const),
    ...brandLists.map((row) => [`BrandList:${row.id}`, `${row.campaign.title} · 品牌清单第 ${row.version} 版`] as const),
    ...publicities.map((row) => [`Publicity:${row.id}`, `${row.campaign.title} · 公示`] as const),
    ...objections.map((row) => [`Objection:${row.id}`, `对${brandOf(row.application.brandName)}（${row.application.organization.name}）的异议`] as const),
    ...announcements.map((row) => [`Announcement:${row.id}`, row.title] as const),
    ...honors.map((row) => [`Honor:${row.id}`, `${row.certificateNo} · ${brandOf(row.brandName)} · ${row.awardName}`] as const),
    ...sheets.map((row) => [`ReviewAssignment:${row.id}`, `${row.expert.displayName}评审${brandOf(row.application.brandName)}（第 ${row.round} 轮）`] as const),
    ...panels.map((row) => [`ExpertPanel:${row.id}`, row.name] as const),
    ...plans.map((row) => [`CultivationPlan:${row.id}`, `${brandOf(row.cultivation.brand.name)}的创建方案`] as const),
    ...ledgerEntries.map((row) => [`LedgerEntry:${row.id}`, `${brandOf(row.cultivation.brand.name)}台帐 · ${row.occurredOn.toISOString().slice(0, 10)} ${row.activity}`] as const),
    ...ledgerReports.map((row) => [`LedgerReport:${row.id}`, `${brandOf(row.cultivation.brand.name)} ${row.month.toISOString().slice(0, 7)} 台帐上报`] as const),
    ...acceptances.map((row) => [`AcceptanceRequest:${row.id}`, `${brandOf(row.cultivation.brand.name)} · ${row.cultivation.brand.organization.name}（第 ${row.round} 次申请）`] as const),
    ...demonstration,
    ...documents.map((row) => [`IssuedDocument:${row.id}`, `${row.number}《${row.title}》`] as const),
  ]);

  /** Rows whose object is gone (a removed role, a deleted panel) are named from what the record itself kept. */
  function fromPayload(row: TRow): string | null {
    const data = payload(row);
    if (row.entityType === 'RoleAssignment' && typeof data.role === 'string') {
      const user = names.user.get(String(data.userId)) ?? '（已删除的用户）';
      const org = names.organization.get(String(data.organizationId)) ?? '（已删除的组织）';
      return `${user} · ${ROLE_LABELS[data.role as keyof typeof ROLE_LABELS] ?? data.role}（${org}）`;
    }
    if (row.entityType === 'Import') return typeof data.fileName === 'string' && data.fileName ? data.fileName : '未命名文件';
    if (row.entityType === 'ExpertPanel' && typeof data.name === 'string') return `${data.name}（已删除）`;
    if (row.entityType === 'ReviewAssignment' && typeof data.expertId === 'string') {
      return `${names.user.get(data.expertId) ?? '专家'}评审${names.application.get(String(data.applicationId)) ?? '（已删除的申报）'}（已移除）`;
    }
    return null;
  }

  function entityName(row: TRow): string | null {
    const ref = ENTITY_REFS[row.entityType];
    const direct = entityNames.get(`${row.entityType}:${row.entityId}`) ?? (ref ? names[ref].get(row.entityId) : undefined);
    return direct ?? fromPayload(row);
  }

  return { names, entityName };
}
