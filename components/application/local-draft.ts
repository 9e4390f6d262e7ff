import type { TApplicationValues } from '@/lib/application/schema';

/**
 * The browser's copy of a draft's unsaved text, one entry per application and the revision the text was typed
 * on (`dj:draft:<id>:<revision>`): it survives a closed tab, a crash and a save refused because another window
 * saved first, until the text is saved or the user discards it.
 */
export type TLocalDraft = {
  applicationId: string;
  /** The saved revision the text was typed on. */
  revision: number;
  /** What the form held. */
  values: TApplicationValues;
  /** The saved values of that revision: tells which fields the user changed. */
  base: TApplicationValues;
  /** ISO time of the last change. */
  at: string;
};

const PREFIX = 'dj:draft:';
const keyOf = (applicationId: string, revision: number) => `${PREFIX}${applicationId}:${revision}`;

/** localStorage, or null where it is unavailable (private mode, storage switched off). */
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function writeLocalDraft(draft: TLocalDraft): void {
  try {
    storage()?.setItem(keyOf(draft.applicationId, draft.revision), JSON.stringify(draft));
  } catch {
    // Quota exceeded: the form still holds the text; the copy is a second line of defence.
  }
}

export function removeLocalDraft(applicationId: string, revision: number): void {
  storage()?.removeItem(keyOf(applicationId, revision));
}

/** This application's copies, the most recently changed first. */
export function listLocalDrafts(applicationId: string): TLocalDraft[] {
  const store = storage();
  if (!store) return [];
  const drafts: TLocalDraft[] = [];
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index);
    if (!key?.startsWith(`${PREFIX}${applicationId}:`)) continue;
    try {
      const draft = JSON.parse(store.getItem(key) ?? '') as TLocalDraft;
      if (draft?.values && draft.base && Number.isInteger(draft.revision)) drafts.push(draft);
    } catch {
      store.removeItem(key);
    }
  }
  return drafts.sort((a, b) => b.at.localeCompare(a.at));
}
