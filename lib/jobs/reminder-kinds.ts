// The kinds of scheduled reminder and their data. A kind's handler is registered in lib/worker/reminder-kinds.ts
// (a record over these keys). Add a kind here, then its handler there; no migration is needed.

export type TReminderPayloads = {
  /** Experts with review sheets still open, a day before 专家评审 ends (`endsAt`: the end it was scheduled for). */
  REVIEW_DUE: { campaignId: string; endsAt: string };
};

export type TReminderKind = keyof TReminderPayloads;
