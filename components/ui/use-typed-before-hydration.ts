'use client';

import { useEffect, useId, useState } from 'react';
import type { FieldValues, Path, PathValue, UseFormSetValue } from 'react-hook-form';

const TEXT_TYPES = new Set(['text', 'search', 'tel', 'email', 'url', 'number', 'password']);

type TTyped = { name: string; value: string; initial: string };

/**
 * What the user changed in the server-rendered form before React took it over: text fields whose value differs
 * from the value the server sent, and single selects moved off their initial option. Read during the first
 * render of a hydrating page, before React hydrates the fields (a <textarea> is reset to its server text then).
 * Anywhere else (the server, a client-side navigation) the form is not in the document yet: nothing.
 */
function readTypedValues(formId: string): TTyped[] {
  if (typeof document === 'undefined') return [];
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return [];
  const typed: TTyped[] = [];
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && TEXT_TYPES.has(element.type))) {
      if (element.name && !element.readOnly && element.value !== element.defaultValue) typed.push({ name: element.name, value: element.value, initial: element.defaultValue });
    } else if (element instanceof HTMLSelectElement && element.name && !element.multiple) {
      const initial = Math.max(0, Array.from(element.options).findIndex((option) => option.defaultSelected));
      if (element.selectedIndex !== initial) typed.push({ name: element.name, value: element.value, initial: element.options[initial]?.value ?? '' });
    }
  }
  return typed;
}

/**
 * Keeps what a user typed into a react-hook-form before the page's JavaScript ran (a slow phone shows the
 * server's HTML seconds before hydration). The typed values are set into the form after mount as if typed then,
 * so watchers, counters and autosave see them. Returns the id the <form> element must carry.
 */
export function useTypedBeforeHydration<T extends FieldValues>(setValue: UseFormSetValue<T>): string {
  const formId = useId();
  const [typed] = useState(() => readTypedValues(formId));
  useEffect(() => {
    if (!typed.length) return;
    // After every effect of this render: a watch() subscribed in a later effect of the same component sees it.
    queueMicrotask(() => {
      for (const { name, value, initial } of typed) {
        // react-hook-form may already hold the typed value (it reads edited fields on registration) and then
        // emits nothing for an unchanged value: going through the initial value makes every watcher hear it.
        setValue(name as Path<T>, initial as PathValue<T, Path<T>>);
        setValue(name as Path<T>, value as PathValue<T, Path<T>>, { shouldDirty: true, shouldTouch: true });
      }
    });
  }, [setValue, typed]);
  return formId;
}
