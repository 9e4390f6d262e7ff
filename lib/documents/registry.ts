// Every official document kind, in the order the staff page lists them. A new kind is one entry here (its builder in
// kinds/<name>.ts); the module gives it the shared header, footer, 文号 numbering, route and listing.
import type { TDocumentKind } from '@/lib/documents/kind';
import { recommendationSummaryKind } from '@/lib/documents/kinds/recommendation-summary';
import { ledgerComplianceKind } from '@/lib/documents/kinds/ledger-compliance';
import { acceptanceResultsKind } from '@/lib/documents/kinds/acceptance-results';
import { annualReviewKind } from '@/lib/documents/kinds/annual-review';

export const DOCUMENT_KINDS = {
  'recommendation-summary': recommendationSummaryKind,
  'ledger-compliance': ledgerComplianceKind,
  'acceptance-results': acceptanceResultsKind,
  'annual-review': annualReviewKind,
} satisfies Record<string, TDocumentKind>;

export type TDocumentKindKey = keyof typeof DOCUMENT_KINDS;

export const DOCUMENT_KIND_KEYS = Object.keys(DOCUMENT_KINDS) as TDocumentKindKey[];

export const isDocumentKind = (value: string): value is TDocumentKindKey => Object.hasOwn(DOCUMENT_KINDS, value);
