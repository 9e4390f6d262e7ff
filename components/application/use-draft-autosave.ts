'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { TSaveState } from '@/components/application/save-indicator';
import { diffDraft, draftValueAt, sameDraft, withFieldsFrom, type TDraftDifference } from '@/components/application/draft-diff';
import { listLocalDrafts, removeLocalDraft, writeLocalDraft } from '@/components/application/local-draft';
import { saveDraftAction } from '@/lib/application/actions';
import { formatDateTime } from '@/lib/format';
import type { TApplicationValues } from '@/lib/application/schema';

const AUTOSAVE_DELAY_MS = 2000;
const COPY_DELAY_MS = 300;

export type TSaveOutcome = 'saved' | 'conflict' | 'error';

type TOptions = {
  applicationId: string;
  /** The saved revision and values the page was rendered with; a router refresh brings newer ones. */
  revision: number;
  values: TApplicationValues;
  methods: UseFormReturn<TApplicationValues>;
  criteria: readonly { id: string; name: string }[];
  fields: readonly { id: string; name: string }[];
  /** A field changed (to re-check it against the draft rules). */
  onFieldChange: (name: string) => void;
  /** Fields the server did not save, with why. */
  onFieldErrors: (fieldErrors: Record<string, string>) => void;
};

/** A save refused because the draft was saved elsewhere after `revision`, the revision this form's text is based on. */
type TConflict = { revision: number; message: string };

const clone = (values: TApplicationValues): TApplicationValues => structuredClone(values);

/**
 * Autosave of the 申报表 with its optimistic lock (`revision`), and the local copy that makes sure nothing typed is
 * lost: every change is written to localStorage (per application and revision) until the server has it. A save
 * refused because another window saved first pauses autosave, keeps the text in the form and in the copy, reloads
 * the page's data (router refresh) for the newest version and lets the user overwrite it or take it. Never moves focus.
 */
export function useDraftAutosave({ applicationId, revision, values, methods, criteria, fields, onFieldChange, onFieldErrors }: TOptions) {
  const router = useRouter();
  const { getValues, setValue, reset, clearErrors, watch } = methods;
  const revisionRef = useRef(revision);
  const baseRef = useRef(clone(values));
  const dirtyRef = useRef(false);
  const conflictRef = useRef(false);
  const suppressRef = useRef(false);
  const restoredRef = useRef(false);
  const refreshSeenRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const copyTimerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlightRef = useRef<Promise<TSaveOutcome> | null>(null);
  const [saveState, setSaveState] = useState<TSaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();

  const persistCopy = useCallback(() => {
    clearTimeout(copyTimerRef.current);
    const current = clone(getValues());
    if (sameDraft(current, baseRef.current, criteria)) removeLocalDraft(applicationId, revisionRef.current);
    else writeLocalDraft({ applicationId, revision: revisionRef.current, values: current, base: baseRef.current, at: new Date().toISOString() });
  }, [applicationId, criteria, getValues]);

  const enterConflict = useCallback(
    (message: string) => {
      conflictRef.current = true;
      dirtyRef.current = true;
      persistCopy();
      refreshSeenRef.current = false;
      setConflict({ revision: revisionRef.current, message });
      setSaveState({ kind: 'conflict', message: '未保存：申报表已在别处修改，你的内容保存在本设备上' });
      startRefresh(() => router.refresh());
    },
    [persistCopy, router],
  );

  const saveOnce = useCallback(async (): Promise<TSaveOutcome> => {
    dirtyRef.current = false;
    setSaveState({ kind: 'saving' });
    const sent = clone(getValues());
    const from = revisionRef.current;
    const result = await saveDraftAction({ applicationId, revision: from, values: sent }).catch(() => null);
    if (result?.ok) {
      const refused = result.data.fieldErrors;
      baseRef.current = withFieldsFrom(sent, baseRef.current, Object.keys(refused));
      revisionRef.current = result.data.revision;
      removeLocalDraft(applicationId, from);
      persistCopy();
      onFieldErrors(refused);
      setSaveState({ kind: 'saved', at: result.data.savedAt, unsaved: Object.keys(refused).length });
      return 'saved';
    }
    dirtyRef.current = true;
    if (result?.code === 'CONFLICT') {
      enterConflict(result.message);
      return 'conflict';
    }
    if (result?.fieldErrors) onFieldErrors(result.fieldErrors);
    setSaveState({ kind: 'error', message: result?.message ?? '网络异常，未能保存' });
    return 'error';
  }, [applicationId, enterConflict, getValues, onFieldErrors, persistCopy]);

  /** One save at a time: a change made while saving is saved right after, with the new revision. */
  const save = useCallback(async (): Promise<TSaveOutcome> => {
    clearTimeout(timerRef.current);
    while (inFlightRef.current) await inFlightRef.current;
    if (conflictRef.current) return 'conflict';
    if (!dirtyRef.current) return 'saved';
    const attempt = saveOnce();
    inFlightRef.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlightRef.current = null;
    }
  }, [saveOnce]);

  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (suppressRef.current) return;
      if (name) onFieldChange(name);
      dirtyRef.current = true;
      clearTimeout(copyTimerRef.current);
      copyTimerRef.current = setTimeout(persistCopy, COPY_DELAY_MS);
      clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    });
    const flushCopy = () => {
      if (dirtyRef.current) persistCopy();
    };
    window.addEventListener('pagehide', flushCopy);
    document.addEventListener('visibilitychange', flushCopy);
    return () => {
      subscription.unsubscribe();
      clearTimeout(timerRef.current);
      flushCopy();
      window.removeEventListener('pagehide', flushCopy);
      document.removeEventListener('visibilitychange', flushCopy);
    };
  }, [onFieldChange, persistCopy, save, watch]);

  // A copy this browser kept from an earlier visit goes back into the form: on the same revision it is simply
  // saved; typed on an older revision, it is a conflict with what was saved since.
  useEffect(() => {
    if (restoredRef.current) return;
    restoredRef.current = true;
    const copy = listLocalDrafts(applicationId)[0];
    if (!copy) return;
    if (copy.revision > revision || sameDraft(copy.values, values, criteria)) {
      removeLocalDraft(applicationId, copy.revision);
      return;
    }
    if (copy.revision < revision) {
      revisionRef.current = copy.revision;
      baseRef.current = copy.base;
      conflictRef.current = true;
    }
    for (const row of diffDraft({ mine: copy.values, saved: getValues(), criteria, fieldName: (id) => id })) {
      setValue(row.name as FieldPath<TApplicationValues>, draftValueAt(copy.values, row.name), { shouldDirty: true });
    }
    if (copy.revision < revision) {
      setConflict({ revision: copy.revision, message: `本设备上保存着 ${formatDateTime(copy.at)} 填写、尚未保存的内容，申报表此后已在别处修改。` });
      setSaveState({ kind: 'conflict', message: '未保存：申报表已在别处修改，你的内容保存在本设备上' });
      setDialogOpen(true);
    } else {
      setRestoredAt(copy.at);
    }
  }, [applicationId, criteria, getValues, revision, setValue, values]);

  /** Takes the newest saved version as the base without touching the form (after a resolution). */
  const adoptLatest = useCallback(
    (from: number) => {
      removeLocalDraft(applicationId, from);
      revisionRef.current = revision;
      baseRef.current = clone(values);
      conflictRef.current = false;
    },
    [applicationId, revision, values],
  );

  // The refresh after a refused save: a newer revision arrives in the props; none means the refusal was something
  // else (then it is an ordinary save error). Identical text on both sides needs no decision.
  useEffect(() => {
    if (!conflict || resolving) return;
    if (refreshing) {
      refreshSeenRef.current = true;
      return;
    }
    if (revision > conflict.revision) {
      if (!sameDraft(getValues(), values, criteria)) return;
      adoptLatest(conflict.revision);
      dirtyRef.current = false;
      setConflict(null);
      setDialogOpen(false);
      setSaveState({ kind: 'idle' });
    } else if (refreshSeenRef.current) {
      conflictRef.current = false;
      setConflict(null);
      setDialogOpen(false);
      setSaveState({ kind: 'error', message: conflict.message });
    }
  }, [adoptLatest, conflict, criteria, getValues, refreshing, resolving, revision, values]);

  const hasLatest = !!conflict && revision > conflict.revision;

  /**
   * 用我的内容覆盖: the fields this window changed are saved on top of the newest revision; a field only the other
   * window changed takes the newest text first (overwriting it with this window's stale text would lose that work).
   */
  const overwrite = useCallback(async () => {
    if (!conflict || !hasLatest) return;
    setResolving(true);
    const theirs = diffDraft({ mine: getValues(), saved: values, base: baseRef.current, criteria, fieldName: (id) => id }).filter((row) => row.changedHere === false);
    adoptLatest(conflict.revision);
    for (const row of theirs) setValue(row.name as FieldPath<TApplicationValues>, draftValueAt(values, row.name), { shouldDirty: true });
    dirtyRef.current = true;
    persistCopy();
    const outcome = await save();
    setResolving(false);
    if (outcome === 'conflict') return;
    setConflict(null);
    setDialogOpen(false);
  }, [adoptLatest, conflict, criteria, getValues, hasLatest, persistCopy, save, setValue, values]);

  /** 放弃我的修改: the form shows the newest saved version; the local copy goes. */
  const discard = useCallback(() => {
    if (!conflict || !hasLatest) return;
    adoptLatest(conflict.revision);
    suppressRef.current = true;
    reset(clone(values));
    suppressRef.current = false;
    clearErrors();
    dirtyRef.current = false;
    clearTimeout(timerRef.current);
    clearTimeout(copyTimerRef.current);
    setConflict(null);
    setDialogOpen(false);
    setSaveState({ kind: 'idle' });
  }, [adoptLatest, clearErrors, conflict, hasLatest, reset, values]);

  /** Waits for the running save; false when the draft is in conflict (the dialog opens instead). */
  const settle = useCallback(async (): Promise<boolean> => {
    clearTimeout(timerRef.current);
    while (inFlightRef.current) await inFlightRef.current;
    if (conflictRef.current) setDialogOpen(true);
    return !conflictRef.current;
  }, []);

  const fieldName = (id: string) => fields.find((field) => field.id === id)?.name ?? id;
  const rows: TDraftDifference[] | null =
    dialogOpen && conflict && hasLatest ? diffDraft({ mine: getValues(), saved: values, base: baseRef.current, criteria, fieldName }) : null;

  return {
    saveState,
    save,
    settle,
    revisionRef,
    enterConflict,
    /** After a successful submit: the server has everything, the copy goes. */
    forgetCopy: () => {
      dirtyRef.current = false;
      clearTimeout(timerRef.current);
      clearTimeout(copyTimerRef.current);
      removeLocalDraft(applicationId, revisionRef.current);
    },
    conflict: conflict && { message: conflict.message, rows, resolving },
    dialogOpen,
    openDialog: () => setDialogOpen(true),
    closeDialog: () => setDialogOpen(false),
    overwrite,
    discard,
    restoredAt,
  };
}
