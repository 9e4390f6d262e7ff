// Producing a document: who may (against the database), its content from the kind, its 文号 (numbering.ts), then the
// PDF or the Excel file with the shared header and footer.
import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TDocumentCampaign } from '@/lib/documents/kind';
import { issueDocument } from '@/lib/documents/numbering';
import { DOCUMENT_KINDS, type TDocumentKindKey } from '@/lib/documents/registry';
import { renderDocumentPdf } from '@/lib/documents/render-pdf';
import { buildDocumentWorkbook } from '@/lib/documents/render-sheet';
import type { TDocumentFormat } from '@/lib/documents/types';

export const DOCUMENT_REFUSAL = '文书不存在或您无权查看';

const CAMPAIGN_SELECT = { id: true, title: true, year: true, status: true, program: true, ownerOrg: { select: { id: true, name: true, path: true } } } as const;

/** ORG_ADMIN at the campaign's owner or above: the organization department that runs the campaign. */
export const isOwnerStaff = (user: TSessionUser, campaign: TDocumentCampaign) => grantsRoleAt(user.roles, ['ORG_ADMIN'], campaign.ownerOrg.path);

/** The campaign when the user is its owner's staff; null otherwise (unknown and not-yours answer alike). */
export async function loadDocumentCampaign(user: TSessionUser, campaignId: string, options: { allowCommittee?: boolean } = {}): Promise<TDocumentCampaign | null> {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, status: { not: 'DRAFT' } }, select: CAMPAIGN_SELECT });
  if (!campaign) return null;
  if (isOwnerStaff(user, campaign)) return campaign;
  return options.allowCommittee ? campaign : null;
}

export type TProducedDocument = { body: Buffer; fileName: string; number: string };

/**
 * The document of `kind` for the campaign (and the scope organization, for per-organization kinds), numbered and
 * rendered; a string says why not (404).
 */
export async function produceDocument(
  input: { kind: TDocumentKindKey; campaignId: string; scopeOrgId?: string; format: TDocumentFormat },
  user: TSessionUser,
  context: { ip?: string | null } = {},
): Promise<TProducedDocument | string> {
  const kind = DOCUMENT_KINDS[input.kind];
  if (!kind.formats.includes(input.format)) return '该文书没有这种格式';
  const campaign = await loadDocumentCampaign(user, input.campaignId, { allowCommittee: kind.audience === 'recommender' });
  if (!campaign) return DOCUMENT_REFUSAL;
  if (kind.programs && !kind.programs.includes(campaign.program)) return DOCUMENT_REFUSAL;
  const scopeOrgId = kind.scopes ? input.scopeOrgId : campaign.ownerOrg.id;
  if (!scopeOrgId) return '缺少文书所属的单位';
  const content = await kind.build({ campaign, scopeOrgId, user });
  if (typeof content === 'string') return content;
  const header = await issueDocument({ campaignId: campaign.id, kind: input.kind, scopeOrgId, content }, { actorId: user.id, ip: context.ip ?? null });
  const body = input.format === 'pdf' ? await renderDocumentPdf(content, header) : await buildDocumentWorkbook(content, header);
  const fileName = `${campaign.title}-${kind.label}-${header.number}.${input.format}`;
  return { body, fileName, number: header.number };
}

