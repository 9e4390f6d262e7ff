// How the vote button talks to POST /api/campaigns/<id>/votes (no React here, so it is unit-tested on its own).
//
// One click is one vote with one idempotency key. The server saves the vote and then answers; when the answer is
// lost (network error, timeout) or is a 5xx (the vote may well be saved: a proxy or the server failed afterwards),
// the same key is sent again, a few times with a pause, and the server answers a repeated key with the saved vote's
// receipt (cast_vote: same voter + same key = the same vote, counted once). If every try fails, the key is kept and
// the next click on this button sends it again, so a vote that did get saved is never cast a second time. A clear
// answer (the receipt, or a refusal such as a limit: any 4xx) ends the click and the next click gets a new key.

export type TVoteBody = { receipt?: string; usedToday?: number; perDay?: number; repeated?: boolean; message?: string };

export type TVoteOutcome = { ok: true; receipt: string; left: number } | { ok: false; message: string };

type TSenderOptions = {
  /** Sends one request; rejects on a network error. */
  post: (body: string) => Promise<Response>;
  applicationId: string;
  newKey?: () => string;
  sleep?: (ms: number) => Promise<void>;
  /** Pauses before the 2nd, 3rd … try; one try more than pauses. */
  pauses?: readonly number[];
};

export const RETRY_PAUSES_MS = [400, 1200, 3000] as const;
export const NETWORK_FAILURE = '网络异常，投票可能未成功，请再点一次（不会重复计票）';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A sender for one vote button: `send()` per click. */
export function createVoteSender({ post, applicationId, newKey = () => crypto.randomUUID(), sleep = wait, pauses = RETRY_PAUSES_MS }: TSenderOptions) {
  /** The key of a click whose outcome is unknown: the next click sends it again. */
  let pending: string | null = null;

  return async function send(): Promise<TVoteOutcome> {
    pending ??= newKey();
    const body = JSON.stringify({ applicationId, idempotencyKey: pending });
    for (let attempt = 0; attempt <= pauses.length; attempt++) {
      if (attempt > 0) await sleep(pauses[attempt - 1]!);
      const response = await post(body).catch(() => null);
      if (!response || response.status >= 500) continue;
      const answer = (await response.json().catch(() => null)) as TVoteBody | null;
      if (response.ok && answer?.receipt) {
        pending = null;
        return { ok: true, receipt: answer.receipt, left: Math.max(0, (answer.perDay ?? 0) - (answer.usedToday ?? 0)) };
      }
      // A 200 whose body did not arrive whole says nothing: try again. A 4xx is the server's answer.
      if (response.ok) continue;
      pending = null;
      return { ok: false, message: answer?.message ?? '投票未成功，请刷新页面后重试' };
    }
    return { ok: false, message: NETWORK_FAILURE };
  };
}
