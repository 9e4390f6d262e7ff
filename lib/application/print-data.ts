import { db } from '@/lib/db';
import { pickFormTexts } from '@/lib/application/schema';

export type TPrintCriterion = { name: string; maxPoints: number; selfAssessment: string };

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
  /**
   * The opinion boxes, nearest level first: each 党(工)委 between the applicant and the organizer signs a 推荐意见,
   * the organizing department (the campaign's owner) its 审核意见.
   */
  opinionBoxes: string[];
  submittedAt: Date | null;
  /** For the HTML page, which shows the logo through the file route. */
  logoFileId: string | null;
  logo: { bytes: Buffer; mimeType: string } | null;
};

/** Organization ids of a materialized path "/a/b/c/", root first. */
function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
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
      campaign: { select: { title: true, ownerOrgId: true, rubric: { select: { criteria: { orderBy: { sortOrder: 'asc' } } } } } },
      field: { select: { name: true } },
      logoFile: { select: { storageKey: true, mimeType: true } },
      attachments: { orderBy: [{ slot: 'asc' }, { sortOrder: 'asc' }], include: { file: { select: { originalName: true } } } },
    },
  });
  if (!application) return null;
  const ancestorIds = idsOnPath(application.organization.path).slice(0, -1);
  const ownerIndex = ancestorIds.indexOf(application.campaign.ownerOrgId);
  // The levels from the applicant's superior up to the organizing department; nobody above the organizer signs.
  const recommendingIds = (ownerIndex >= 0 ? ancestorIds.slice(ownerIndex) : ancestorIds).reverse();
  const ancestors = await db.organization.findMany({ where: { id: { in: recommendingIds } }, select: { id: true, name: true } });
  const nameById = new Map(ancestors.map((org) => [org.id, org.name]));
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
    opinionBoxes: recommendingIds
      .filter((id) => nameById.has(id))
      .map((id) => `${nameById.get(id)}${id === application.campaign.ownerOrgId ? '审核意见' : '推荐意见'}`),
    submittedAt: application.submittedAt,
    logoFileId: application.logoFileId,
    logo: logoBytes && application.logoFile ? { bytes: logoBytes, mimeType: application.logoFile.mimeType } : null,
  };
}
