// 文号 of the campaign's official documents: a serial per campaign, allocated under a per-campaign lock, written into
// IssuedDocument with the content's fingerprint. The same content again keeps its number and date; changed content
// gets the next serial. No gaps and no duplicates: the serial is the highest so far plus one, inside the lock, and the
// database keeps (campaign, serial) unique.
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { formatDocumentNumber, issuerOf, numberPattern } from '@/lib/documents/numbering-format';
import type { TDocumentContent, TDocumentHeader } from '@/lib/documents/types';

/** sha256 of the content and its issuer (not its number or date): what decides whether a document is the same. */
export function fingerprintOf(content: TDocumentContent, issuer: string): string {
  return createHash('sha256').update(JSON.stringify({ issuer, content })).digest('hex');
}

export type TIssueInput = { campaignId: string; kind: string; scopeOrgId: string; content: TDocumentContent };

/**
 * The header of the document about to be rendered: the latest issue of this kind and scope when its content is
 * unchanged, otherwise a new issue with the campaign's next serial (and an audit row).
 */
export async function issueDocument(input: TIssueInput, context: TAuditContext): Promise<TDocumentHeader & { serial: number; isNew: boolean }> {
  return db.$transaction(async (tx) => {
    // One issuer at a time per campaign: the next serial is read and written under this lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('issued_documents'), hashtext(${input.campaignId}))`;
    const campaign = await tx.campaign.findUniqueOrThrow({
      where: { id: input.campaignId },
      select: { year: true, documentNumberPattern: true, documentIssuer: true, ownerOrg: { select: { name: true, shortName: true } } },
    });
    const issuer = issuerOf(campaign);
    const fingerprint = fingerprintOf(input.content, issuer);
    const latest = await tx.issuedDocument.findFirst({
      where: { campaignId: input.campaignId, kind: input.kind, scopeOrgId: input.scopeOrgId },
      orderBy: { serial: 'desc' },
      select: { serial: true, number: true, issuedAt: true, fingerprint: true },
    });
    if (latest && latest.fingerprint === fingerprint) return { issuer, number: latest.number, issuedAt: latest.issuedAt, serial: latest.serial, isNew: false };
    const highest = await tx.issuedDocument.aggregate({ where: { campaignId: input.campaignId }, _max: { serial: true } });
    const serial = (highest._max.serial ?? 0) + 1;
    const number = formatDocumentNumber(numberPattern(campaign), serial);
    const row = await tx.issuedDocument.create({
      data: { campaignId: input.campaignId, kind: input.kind, scopeOrgId: input.scopeOrgId, serial, number, title: input.content.title, fingerprint, issuedById: context.actorId },
      select: { id: true, issuedAt: true },
    });
    await recordAudit(tx, context, { action: 'issue-document', entityType: 'IssuedDocument', entityId: row.id, after: { kind: input.kind, number, title: input.content.title, scopeOrgId: input.scopeOrgId } });
    return { issuer, number, issuedAt: row.issuedAt, serial, isNew: true };
  });
}
