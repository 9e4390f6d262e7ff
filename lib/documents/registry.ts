// Every official document kind, in the order the staff page lists them. A new kind is one entry here (its builder in
// kinds/<name>.ts); the module gives it the shared header, footer, 文号 numbering, route and listing.
import type { TDocumentKind } from '@/lib/documents/kind';
import { applicationSummaryKind } from '@/lib/documents/kinds/application-summary';
import { finalDecisionKind, preliminaryDecisionKind } from '@/lib/documents/kinds/decision';
import { publicityListKind } from '@/lib/documents/kinds/publicity-list';
import { qualificationResultsKind } from '@/lib/documents/kinds/qualification-results';
import { recommendationSummaryKind } from '@/lib/documents/kinds/recommendation-summary';
import { reviewSummaryKind } from '@/lib/documents/kinds/review-summary';
import { voteResultsKind } from '@/lib/documents/kinds/vote-results';
import { ledgerComplianceKind } from '@/lib/documents/kinds/ledger-compliance';
import { acceptanceResultsKind } from '@/lib/documents/kinds/acceptance-results';
import { annualReviewKind } from '@/lib/documents/kinds/annual-review';

export const DOCUMENT_KINDS = {
  'application-summary': applicationSummaryKind,
  'recommendation-summary': recommendationSummaryKind,
  'qualification-results': qualificationResultsKind,
  'vote-results': voteResultsKind,
  'review-summary': reviewSummaryKind,
  'preliminary-decision': preliminaryDecisionKind,
  'final-decision': finalDecisionKind,
  'publicity-list': publicityListKind,
  // Helper A2 (i21-docs2) appends: certificates in batch, 台帐 compliance, 验收结果, 考核结果.
  'ledger-compliance': ledgerComplianceKind,
  'acceptance-results': acceptanceResultsKind,
  'annual-review': annualReviewKind,
} satisfies Record<string, TDocumentKind>;

export type TDocumentKindKey = keyof typeof DOCUMENT_KINDS;

export const DOCUMENT_KIND_KEYS = Object.keys(DOCUMENT_KINDS) as TDocumentKindKey[];

export const isDocumentKind = (value: string): value is TDocumentKindKey => Object.hasOwn(DOCUMENT_KINDS, value);
