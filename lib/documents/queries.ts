// The staff page's list of a campaign's documents: every kind of the registry that the campaign's program has, with
// download links (per organization for per-organization kinds), the 文号 settings and the documents issued so far.
import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { loadDocumentCampaign } from '@/lib/documents/issue';
import { issuerOf, numberPattern, formatDocumentNumber } from '@/lib/documents/numbering-format';
import { DOCUMENT_KIND_KEYS, DOCUMENT_KINDS } from '@/lib/documents/registry';
import type { TDocumentFormat } from '@/lib/documents/types';

export type TDocumentLink = { label: string | null; hrefs: { format: TDocumentFormat; href: string }[] };

export const documentHref = (campaignId: string, kind: string, format: TDocumentFormat, org?: string) =>
  `/api/campaigns/${campaignId}/documents/${kind}?format=${format}${org ? `&org=${encodeURIComponent(org)}` : ''}`;

/** Null when the user is not the organization department of the campaign's owner. */
export async function loadCampaignDocuments(user: TSessionUser, campaignId: string) {
  const campaign = await loadDocumentCampaign(user, campaignId);
  if (!campaign) return null;
  const [settings, issued] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { year: true, documentNumberPattern: true, documentIssuer: true, ownerOrg: { select: { name: true, shortName: true } } } }),
    db.issuedDocument.findMany({
      where: { campaignId: campaign.id },
      orderBy: { serial: 'desc' },
      take: 50,
      select: { id: true, kind: true, number: true, title: true, issuedAt: true, scopeOrg: { select: { name: true } }, issuedBy: { select: { displayName: true } } },
    }),
  ]);
  const kinds = [];
  for (const key of DOCUMENT_KIND_KEYS) {
    const kind = DOCUMENT_KINDS[key];
    if (kind.programs && !kind.programs.includes(campaign.program)) continue;
    const scopes = kind.scopes ? await kind.scopes(campaign) : [null];
    const links: TDocumentLink[] = scopes.map((scope) => ({
      label: scope?.name ?? null,
      hrefs: kind.formats.map((format) => ({ format, href: documentHref(campaign.id, key, format, scope?.orgId) })),
    }));
    kinds.push({ key, label: kind.label, description: kind.description, links });
  }
  const pattern = numberPattern(settings);
  return {
    campaign,
    kinds,
    issued: issued.map((row) => ({ ...row, kindLabel: Object.hasOwn(DOCUMENT_KINDS, row.kind) ? DOCUMENT_KINDS[row.kind as keyof typeof DOCUMENT_KINDS].label : row.kind })),
    settings: {
      documentNumberPattern: settings.documentNumberPattern,
      documentIssuer: settings.documentIssuer,
      defaultPattern: numberPattern({ ...settings, documentNumberPattern: '' }),
      defaultIssuer: settings.ownerOrg.name,
      example: formatDocumentNumber(pattern, 1),
      issuer: issuerOf(settings),
    },
  };
}

export type TCampaignDocuments = NonNullable<Awaited<ReturnType<typeof loadCampaignDocuments>>>;
