// What a document kind is: the registry (registry.ts) lists every kind; each builds its content from the domain's
// own queries, and the module numbers and renders it (issue.ts).
import type { TSessionUser } from '@/lib/auth/session';
import type { TDocumentContent, TDocumentFormat } from '@/lib/documents/types';

export type TDocumentCampaign = {
  id: string;
  title: string;
  year: number;
  status: string;
  program: string;
  ownerOrg: { id: string; name: string; path: string };
};

/** An organization a per-organization document is about (a committee's 推荐汇总表). */
export type TDocumentScope = { orgId: string; name: string };

export type TBuildInput = { campaign: TDocumentCampaign; scopeOrgId: string; user: TSessionUser };

export type TDocumentKind = {
  /** 申报汇总表, 评审汇总表 … (the file name and the staff page's list). */
  label: string;
  /** One line on the staff page: what the document holds. */
  description: string;
  /**
   * Who may fetch it, checked against the database: 'owner' = ORG_ADMIN at the campaign's owner (or above);
   * 'recommender' = also the COMMITTEE_ADMIN of the scope organization itself (its own 推荐汇总表, nobody else's).
   */
  audience: 'owner' | 'recommender';
  formats: readonly TDocumentFormat[];
  /** The programs (CampaignProgram) it belongs to; omitted = every program. */
  programs?: readonly string[];
  /** Organizations with a document of their own; omitted = one document for the campaign, scoped to its owner. */
  scopes?: (campaign: TDocumentCampaign) => Promise<TDocumentScope[]>;
  /** The content, or a sentence saying why there is none yet (answered 404 with it). */
  build: (input: TBuildInput) => Promise<TDocumentContent | string>;
};
