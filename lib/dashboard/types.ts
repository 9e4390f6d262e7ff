// The shape of the staff dashboard (组织部 and 党(工)委): plain data, computed on the server, rendered as charts with a
// table beside each one. Every count carries what its list needs to filter by (ids), never a ready-made URL: the page
// knows which lists its viewer may open (lib/dashboard/links.ts).
import type { CampaignProgram, StageKind } from '@/lib/generated/prisma/enums';
import type { TFunnelStage } from '@/lib/application/funnel';

export type TNamed = { id: string; name: string };

export type TFunnelRow = TNamed & { counts: number[] };
export type TFunnelSection = { stages: { key: TFunnelStage; label: string; count: number }[]; byField: TFunnelRow[]; byDistrict: TFunnelRow[] };

export type TQuotaRow = TNamed & { recommended: number; notRecommended: number; quota: number };

export type TReviewRow = TNamed & { assigned: number; submitted: number };
export type TReviewSection = { byExpert: TReviewRow[]; byPanel: TReviewRow[] };

export type TVoteHour = { hour: string; valid: number; invalid: number; flags: number };
export type TVoteFlagMark = { key: string; title: string; summary: string; hour: string | null; votes: number };
export type TVoteSection = {
  hours: TVoteHour[];
  flags: TVoteFlagMark[];
  /** The first detection of the flags is still running (a very large campaign): the curve shows without them. */
  flagsPending: boolean;
  valid: number;
  invalid: number;
};

export type TObjectionCount = { status: 'RECEIVED' | 'ACCEPTED' | 'INVESTIGATING' | 'ANSWERED' | 'DECLINED'; label: string; count: number };

export type TLedgerCell = { month: string; onTime: number; late: number; missing: number; notDue: number };
export type TLedgerRow = TNamed & { cells: TLedgerCell[] };
export type TLedgerSection = { months: string[]; rows: TLedgerRow[] };

export type TAcceptanceStage = 'CULTIVATING' | 'WAITING' | 'REVIEWING' | 'PASSED' | 'FAILED';
export type TAcceptanceCount = { stage: TAcceptanceStage; label: string; count: number };

export type TCompletionBucket = { key: string; label: string; sites: number; belts: number };

export type TStaffDashboard = {
  /** `stages`: the campaign's enabled stages; the page shows only the figures of stages the campaign has. */
  campaign: { id: string; title: string; status: string; program: CampaignProgram; stages: StageKind[] };
  root: TNamed & { path: string };
  /** Whether the root covers the whole campaign (the organizer's department): the campaign-wide lists and flags apply. */
  coversCampaign: boolean;
  funnel: TFunnelSection;
  quotas: TQuotaRow[];
  review: TReviewSection;
  votes: TVoteSection;
  objections: TObjectionCount[];
  ledger: TLedgerSection;
  acceptance: TAcceptanceCount[];
  checklists: TCompletionBucket[];
};
