// 退回重新申报 as one rule for every path that sends an entry back (the committee's return during 逐级推荐, the
// organization department's return, 资格审查不通过): the entry's state first, then the campaign's stage, both from the
// state machine (lib/campaign/lifecycle.ts). The service that refuses and the page that offers (or hides) the button
// ask the same function, so the two cannot disagree.
import { entryRefusal, entryState, operationRefusal, type TEntryFacts, type TLifecycle, type TRefusal } from '@/lib/campaign/lifecycle';

/** Where a 退回重新申报 comes from: it decides which stage the branch may resubmit in. */
export type TReturnOrigin = 'RECOMMENDATION' | 'QUALIFICATION';

/**
 * Why the entry may not be 退回重新申报 now, or null when it may. Only a submitted entry not yet reviewed, decided or
 * honoured goes back (a listed one too: it leaves the 品牌清单 at once); and only while the branch can still revise and
 * resubmit: during 申报, or during the stage the return reopens (逐级推荐 for a committee's or the organization
 * department's return, 资格审查 for a 不通过) — the windows `redeclare` / `redeclare-after-qualification` give the
 * branch afterwards.
 */
export function returnRefusal(life: TLifecycle, entry: TEntryFacts, from: TReturnOrigin = 'RECOMMENDATION'): TRefusal | null {
  return entryRefusal('return-entry', entryState(entry)) ?? operationRefusal(from === 'QUALIFICATION' ? 'fail-qualification' : 'return-for-redeclaration', life);
}
