import { db } from '@/lib/db';
import type { ApplicationStatus, Role } from '@/lib/generated/prisma/enums';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TSessionUser } from '@/lib/auth/session';
import type { TVariantName } from '@/lib/files/process';

const STAFF_ROLES: Role[] = ['COMMITTEE_ADMIN', 'ORG_ADMIN'];

type TFileAccessUser = Pick<TSessionUser, 'id' | 'roles'>;

const applicationSelect = {
  id: true,
  status: true,
  organization: { select: { path: true } },
} as const;

const acceptanceSelect = {
  experts: { select: { expertId: true } },
  cultivation: { select: { brand: { select: { organization: { select: { path: true } } } }, campaign: { select: { ownerOrg: { select: { path: true } } } } } },
} as const;

const pathOf = { select: { path: true } } as const;
const pairingSelect = { committeeOrg: pathOf, brandOrg: pathOf, partnerOrg: pathOf } as const;
type TOwningPairing = { committeeOrg: { path: string }; brandOrg: { path: string }; partnerOrg: { path: string } | null };

/**
 * 结对共建 activity photos and files (the rule of lib/pairing/access, restated: that domain imports this one): the
 * secretaries of both organizations, the committee that made the pairing, and the staff above either organization,
 * who read their 台帐 where the activity is listed.
 */
function canReadPairingFiles(user: TFileAccessUser, pairing: TOwningPairing): boolean {
  if (grantsRoleAt(user.roles, ['BRANCH_SECRETARY'], pairing.brandOrg.path)) return true;
  if (pairing.partnerOrg && grantsRoleAt(user.roles, ['BRANCH_SECRETARY'], pairing.partnerOrg.path)) return true;
  return [pairing.committeeOrg, pairing.brandOrg, ...(pairing.partnerOrg ? [pairing.partnerOrg] : [])].some((org) => grantsRoleAt(user.roles, STAFF_ROLES, org.path));
}

type TOwningAcceptance = { experts: { expertId: string }[]; cultivation: { brand: { organization: { path: string } }; campaign: { ownerOrg: { path: string } } } };

/** 验收 evidence: the requesting branch, the campaign owner's organization department, the acceptance group's experts. */
function canReadAcceptanceEvidence(user: TFileAccessUser, request: TOwningAcceptance): boolean {
  if (grantsRoleAt(user.roles, ['BRANCH_SECRETARY'], request.cultivation.brand.organization.path)) return true;
  if (grantsRoleAt(user.roles, ['ORG_ADMIN'], request.cultivation.campaign.ownerOrg.path)) return true;
  return request.experts.some((expert) => expert.expertId === user.id);
}

const demoSiteSelect = { status: true, organization: { select: { path: true } } } as const;

type TOwningDemoSite = { status: string; organization: { path: string } };

/** 示范点 photos and checklist evidence: staff over the site (or belt owner), and the site organization's secretary. */
function canReadDemoFiles(user: TFileAccessUser, sites: TOwningDemoSite[], beltOwnerPaths: string[]): boolean {
  const siteRoles: Role[] = ['BRANCH_SECRETARY', ...STAFF_ROLES];
  return sites.some((site) => grantsRoleAt(user.roles, siteRoles, site.organization.path)) || beltOwnerPaths.some((path) => grantsRoleAt(user.roles, STAFF_ROLES, path));
}

const improvementSelect = {
  belt: { select: { ownerOrg: { select: { path: true } }, program: { select: { ownerOrg: { select: { path: true } } } } } },
  site: { select: { organization: { select: { path: true } } } },
} as const;

type TOwningImprovement = { belt: { ownerOrg: { path: string }; program: { ownerOrg: { path: string } } } | null; site: { organization: { path: string } } | null };

/** 问题/提升清单 closure evidence: staff over the belt's owner (or the program's 组织部), or over the site's organization
 * (the rule of lib/belt/access, restated: that domain imports this one). */
function canReadImprovementEvidence(user: TFileAccessUser, item: TOwningImprovement): boolean {
  if (item.belt) return grantsRoleAt(user.roles, STAFF_ROLES, item.belt.ownerOrg.path) || grantsRoleAt(user.roles, ['ORG_ADMIN'], item.belt.program.ownerOrg.path);
  return !!item.site && grantsRoleAt(user.roles, STAFF_ROLES, item.site.organization.path);
}

type TOwningApplication = { id: string; status: ApplicationStatus; organization: { path: string } };

/** The rule of lib/application/access canReadApplication (that domain imports this one, so it is restated here). */
function canReadApplicationFiles(user: TFileAccessUser, application: TOwningApplication): boolean {
  if (grantsRoleAt(user.roles, ['BRANCH_SECRETARY'], application.organization.path)) return true;
  return application.status !== 'DRAFT' && grantsRoleAt(user.roles, STAFF_ROLES, application.organization.path);
}

/**
 * Who may read a file, judged from the database on every request: anyone, for the logo and photos of a brand a public
 * page shows now (isShownPublicly: on the 品牌清单 or honoured, never once returned or withdrawn); whoever may read the application it belongs to, by the application's
 * own rule, status included (the branch's secretary always; the committee/organization admins above it only once it is
 * no longer a draft); experts assigned to that application; the organizer's admins for 实地核验 photos and 异议 files.
 * The uploader alone reads a file only while it belongs to nothing yet. Documents (证明材料) are never public.
 * 'blind': an expert reads it for a campaign reviewed blind, so the download must not carry the file's own name
 * (it may name the organization).
 */
export async function canReadFile(user: TFileAccessUser | null, fileId: string): Promise<'public' | 'private' | 'blind' | false> {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: {
      uploadedById: true,
      logoOf: { select: applicationSelect },
      attachments: { select: { slot: true, application: { select: applicationSelect } } },
      onsitePhotos: { select: { check: { select: { campaign: { select: { ownerOrg: { select: { path: true } } } } } } } },
      objectionFiles: { select: { objection: { select: { campaign: { select: { ownerOrg: { select: { path: true } } } } } } } },
      ledgerFiles: { select: { entry: { select: { cultivation: { select: { brand: { select: { organization: { select: { path: true } } } } } } } } } },
      acceptanceEvidence: { select: { request: { select: acceptanceSelect } } },
      demoSitePhotos: { select: { site: { select: demoSiteSelect } } },
      checklistEvidence: { select: { item: { select: { site: { select: demoSiteSelect }, belt: { select: { ownerOrg: { select: { path: true } } } } } } } },
      improvementFiles: { select: { item: { select: improvementSelect } } },
      pairingFiles: { select: { activity: { select: { pairing: { select: pairingSelect } } } } },
      promotionFiles: { select: { event: { select: { ownerOrg: { select: { path: true } } } } } },
    },
  });
  if (!file) return false;
  // 示范点 photos are public while the site is ACTIVE (the public site pages show them); 摘牌 takes them back at once.
  if (file.demoSitePhotos.some((photo) => photo.site.status === 'ACTIVE')) return 'public';
  const shown = [...(file.logoOf ? [file.logoOf.id] : []), ...file.attachments.filter((attachment) => attachment.slot === 'PHOTO').map((attachment) => attachment.application.id)];
  if (await isShownPublicly(shown)) return 'public';
  return user ? canReadPrivately(user, file) : false;
}

/**
 * Whether one of these applications is shown on a public page now, by the rule those pages use: in a campaign that is
 * PUBLISHED or FINISHED, on the 品牌清单 as is_listed_entry (migration 0017) defines it (the list, the voting pages, the
 * 公示), or holding an honour not revoked or recognised after 验收 (品牌风采). A returned or withdrawn entry is neither, so its logo and photos
 * go back to the branch and the staff above it.
 */
async function isShownPublicly(applicationIds: string[]): Promise<boolean> {
  if (!applicationIds.length) return false;
  const rows = await db.$queryRaw<{ shown: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM applications a JOIN campaigns c ON c.id = a.campaign_id
      WHERE a.id = ANY(${applicationIds}) AND c.status IN ('PUBLISHED', 'FINISHED')
        AND (is_listed_entry(a.id) OR EXISTS (SELECT 1 FROM honors h WHERE h.application_id = a.id AND h.revoked_at IS NULL)
             OR EXISTS (SELECT 1 FROM cultivations cu JOIN recognitions r ON r.cultivation_id = cu.id WHERE cu.application_id = a.id AND r.revoked_at IS NULL))
    ) AS shown`;
  return rows[0]?.shown ?? false;
}

async function canReadPrivately(
  user: TFileAccessUser,
  file: {
    uploadedById: string | null;
    logoOf: TOwningApplication | null;
    attachments: { application: TOwningApplication }[];
    onsitePhotos: { check: { campaign: { ownerOrg: { path: string } } } }[];
    objectionFiles: { objection: { campaign: { ownerOrg: { path: string } } } }[];
    ledgerFiles: { entry: { cultivation: { brand: { organization: { path: string } } } } }[];
    acceptanceEvidence: { request: TOwningAcceptance }[];
    demoSitePhotos: { site: TOwningDemoSite }[];
    checklistEvidence: { item: { site: TOwningDemoSite | null; belt: { ownerOrg: { path: string } } | null } }[];
    improvementFiles: { item: TOwningImprovement }[];
    pairingFiles: { activity: { pairing: TOwningPairing } }[];
    promotionFiles: { event: { ownerOrg: { path: string } } }[];
  },
): Promise<'private' | 'blind' | false> {
  const applications = [...(file.logoOf ? [file.logoOf] : []), ...file.attachments.map((attachment) => attachment.application)];
  const isOwned =
    applications.length > 0 ||
    file.onsitePhotos.length > 0 ||
    file.objectionFiles.length > 0 ||
    file.ledgerFiles.length > 0 ||
    file.acceptanceEvidence.length > 0 ||
    file.demoSitePhotos.length > 0 ||
    file.checklistEvidence.length > 0 ||
    file.improvementFiles.length > 0 ||
    file.pairingFiles.length > 0 ||
    file.promotionFiles.length > 0;
  // A fresh upload not yet saved into a form: only its uploader has it.
  if (!isOwned) return file.uploadedById === user.id ? 'private' : false;
  // 实地核验 photos are the organizer's working papers.
  if (file.onsitePhotos.some((photo) => grantsRoleAt(user.roles, ['ORG_ADMIN'], photo.check.campaign.ownerOrg.path))) return 'private';
  // 异议 evidence and working papers: only the organizer's admins (an anonymous objector has no account to read with).
  if (file.objectionFiles.some((entry) => grantsRoleAt(user.roles, ['ORG_ADMIN'], entry.objection.campaign.ownerOrg.path))) return 'private';
  if (file.acceptanceEvidence.some((entry) => canReadAcceptanceEvidence(user, entry.request))) return 'private';
  const demoSites = [...file.demoSitePhotos.map((photo) => photo.site), ...file.checklistEvidence.flatMap((entry) => (entry.item.site ? [entry.item.site] : []))];
  const beltOwners = file.checklistEvidence.flatMap((entry) => (entry.item.belt ? [entry.item.belt.ownerOrg.path] : []));
  if (canReadDemoFiles(user, demoSites, beltOwners)) return 'private';
  if (file.improvementFiles.some((entry) => canReadImprovementEvidence(user, entry.item))) return 'private';
  // 宣传推广 materials and photos: the committee / organization-department staff covering the event's owner.
  if (file.promotionFiles.some((entry) => grantsRoleAt(user.roles, STAFF_ROLES, entry.event.ownerOrg.path))) return 'private';
  if (applications.some((application) => canReadApplicationFiles(user, application))) return 'private';
  // 台帐 photos and files: the brand's organization and the committees/organization departments above it (the rule of
  // lib/cultivation/access, restated: that domain imports this one).
  const ledgerRoles: Role[] = ['BRANCH_SECRETARY', ...STAFF_ROLES];
  if (file.ledgerFiles.some((entry) => grantsRoleAt(user.roles, ledgerRoles, entry.entry.cultivation.brand.organization.path))) return 'private';
  if (file.pairingFiles.some((entry) => canReadPairingFiles(user, entry.activity.pairing))) return 'private';
  // An expert reads the logo and attachments of the entries assigned to them, in campaigns past their draft.
  const applicationIds = applications.map((application) => application.id);
  if (!applicationIds.length || !user.roles.some((grant) => grant.role === 'EXPERT')) return false;
  const assignments = await db.reviewAssignment.findMany({
    where: { expertId: user.id, applicationId: { in: applicationIds }, campaign: { status: { not: 'DRAFT' } } },
    select: { campaign: { select: { blindReview: true } } },
  });
  if (!assignments.length) return false;
  return assignments.some((assignment) => !assignment.campaign.blindReview) ? 'private' : 'blind';
}

/** The name a download goes by: its own, or for a blind reviewer only what it is. */
export function downloadName(access: 'public' | 'private' | 'blind', file: { kind: 'IMAGE' | 'DOCUMENT'; originalName: string }): string {
  if (access !== 'blind') return file.originalName;
  return file.kind === 'DOCUMENT' ? '证明材料' : '图片';
}

type TVariantInfo = { key: string; width: number | null; height: number | null };

/** Where to read a file (or one of its sized variants) from; call only after canReadFile. */
export async function fileForDownload(fileId: string, variant: TVariantName | null) {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: { kind: true, storageKey: true, mimeType: true, originalName: true, variants: true },
  });
  if (!file) return null;
  const variants = (file.variants ?? {}) as Partial<Record<TVariantName, TVariantInfo>>;
  const key = (variant && variants[variant]?.key) || file.storageKey;
  return { kind: file.kind, key, mimeType: file.mimeType, originalName: file.originalName };
}
