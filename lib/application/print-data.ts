import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { pickFormTexts } from '@/lib/application/schema';
import { levelDecisions, organizationNames, RECOMMENDATION_SELECT, type TLevelDecision } from '@/lib/application/recommendation-trail';

export type TPrintCriterion = { name: string; maxPoints: number; selfAssessment: string };

/**
 * One signing box: each 党(工)委 between the applicant and the organizer signs a 推荐意见, the organizer's organizing
 * department (组织部) its 审核意见. What was recorded online is printed in it; the seal and signature stay for ink.
 */
export type TOpinionBox = {
  kind: 'RECOMMENDATION' | 'APPROVAL';
  title: string;
  /** Who signs: the recommending organization, or the organizing department. */
  signer: string;
  /** The decision as recorded online, e.g. 推荐（本级排序第 2 位）; empty when nothing was decided yet. */
  decision: string;
  opinion: string;
  /** When the decision was taken (or the 资格审查 done); null leaves the date line to be written by hand. */
  date: Date | null;
};

export type TApplicationPrintData = {
  id: string;
  campaignTitle: string;
  brandName: string;
  fieldName: string;
  organizationName: string;
  parentOrganizationName: string;
  secretaryName: string;
  contactName: string;
  contactPhone: string;
  slogan: string;
  essence: string;
  carriers: string;
  norms: string;
  practices: string;
  honors: string;
  criteria: TPrintCriterion[];
  attachmentNames: string[];
  /** The opinion boxes, nearest level first, the organizing department's last. */
  opinionBoxes: TOpinionBox[];
  submittedAt: Date | null;
  /** For the HTML page, which shows the logo through the file route. */
  logoFileId: string | null;
  logo: { bytes: Buffer; mimeType: string } | null;
};

/** Organization ids of a materialized path "/a/b/c/", root first. */
function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The organizing department of the organizer, e.g. 中共示范市委员会 → 中共示范市委员会组织部. */
export function organizingDepartmentName(organizerName: string): string {
  return organizerName.endsWith('组织部') ? organizerName : `${organizerName}组织部`;
}

const DECISION_TEXT = { RECOMMENDED: '推荐', NOT_RECOMMENDED: '不推荐', PENDING: '' } as const;

function recommendationBox(level: TLevelDecision): TOpinionBox {
  const place = level.rank !== null ? `本级排序第 ${level.rank} 位` : '';
  const decision = DECISION_TEXT[level.decision];
  const parts = [decision && place ? `${decision}（${place}）` : decision || place];
  if (level.decision === 'NOT_RECOMMENDED' && level.reason) parts.push(`理由：${level.reason}`);
  return {
    kind: 'RECOMMENDATION',
    title: `${level.organizationName}推荐意见`,
    signer: level.organizationName,
    decision: parts.filter(Boolean).join('；'),
    opinion: level.opinion,
    date: level.decidedAt,
  };
}

function approvalBox(organizerName: string, qualification: { result: 'PASSED' | 'FAILED'; reason: string | null; reviewedAt: Date } | null): TOpinionBox {
  const department = organizingDepartmentName(organizerName);
  const decision = !qualification ? '' : qualification.result === 'PASSED' ? '资格审查通过' : `资格审查未通过${qualification.reason ? `：${qualification.reason}` : ''}`;
  return { kind: 'APPROVAL', title: `${department}审核意见`, signer: department, decision, opinion: '', date: qualification?.reviewedAt ?? null };
}

type TLogoReader = (storageKey: string) => Promise<Buffer | null>;

function selfAssessmentText(value: unknown, criterionId: string): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const text = (value as Record<string, unknown>)[criterionId];
  return typeof text === 'string' ? text : '';
}

/**
 * Everything the printed form shows, or null when the application does not exist. The caller has already
 * checked that the reader may see it. `readLogo` reads the logo bytes from file storage when one is wired in.
 */
/** Date line of a signing box: the recorded date, or blanks to write by hand. */
export const opinionDateText = (date: Date | null) => `日期：${date ? formatDate(date) : '______年____月____日'}`;

/** The long-text sections of the form, in the order both the PDF and the print page show them. */
export function printTextSections(data: TApplicationPrintData): [string, string][] {
  return [
    ['品牌内涵', data.essence],
    ['创建载体', data.carriers],
    ['工作服务规范', data.norms],
    ['主要做法与成效', data.practices],
    ['所获荣誉', data.honors],
  ];
}

export async function loadApplicationPrintData(applicationId: string, readLogo?: TLogoReader): Promise<TApplicationPrintData | null> {
  const application = await db.application.findUnique({
    where: { id: applicationId },
    include: {
      organization: { select: { name: true, path: true, parent: { select: { name: true } } } },
      campaign: { select: { title: true, ownerOrgId: true, ownerOrg: { select: { name: true } }, rubric: { select: { criteria: { orderBy: { sortOrder: 'asc' } } } } } },
      field: { select: { name: true } },
      logoFile: { select: { storageKey: true, mimeType: true } },
      attachments: { orderBy: [{ slot: 'asc' }, { sortOrder: 'asc' }], include: { file: { select: { originalName: true } } } },
      recommendations: { select: RECOMMENDATION_SELECT },
      qualification: { select: { result: true, reason: true, reviewedAt: true } },
    },
  });
  if (!application) return null;
  const ancestorIds = idsOnPath(application.organization.path).slice(0, -1);
  const ownerIndex = ancestorIds.indexOf(application.campaign.ownerOrgId);
  // The levels between the applicant and the organizer, nearest first; nobody above the organizer signs. Every such
  // 党(工)委 gets a box (the paper form has one per level), filled from what it recorded when it recommended online.
  const recommendingIds = (ownerIndex >= 0 ? ancestorIds.slice(ownerIndex + 1) : ancestorIds).reverse();
  const levels = levelDecisions(recommendingIds, application.recommendations, await organizationNames(recommendingIds));
  const logoBytes = application.logoFile && readLogo ? await readLogo(application.logoFile.storageKey) : null;
  return {
    id: application.id,
    campaignTitle: application.campaign.title,
    fieldName: application.field?.name ?? '',
    organizationName: application.organization.name,
    parentOrganizationName: application.organization.parent?.name ?? '',
    ...pickFormTexts(application),
    criteria: (application.campaign.rubric?.criteria ?? []).map((criterion) => ({
      name: criterion.name,
      maxPoints: criterion.maxPoints,
      selfAssessment: selfAssessmentText(application.selfAssessment, criterion.id),
    })),
    attachmentNames: application.attachments.map((attachment) => attachment.caption || attachment.file.originalName),
    opinionBoxes: [
      ...levels.map(recommendationBox),
      ...(ownerIndex >= 0 ? [approvalBox(application.campaign.ownerOrg.name, application.qualification)] : []),
    ],
    submittedAt: application.submittedAt,
    logoFileId: application.logoFileId,
    logo: logoBytes && application.logoFile ? { bytes: logoBytes, mimeType: application.logoFile.mimeType } : null,
  };
}
