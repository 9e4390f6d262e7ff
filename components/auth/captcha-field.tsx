'use client';

import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { inputClass } from '@/components/ui/field';
import type { TCaptchaChallenge, TCaptchaKind } from '@/lib/auth/captcha';

/**
 * The challenge a form shows, in the mode the person chose: the image, or (WCAG 1.1.1, 适老化) a question in words that
 * a screen reader reads and large text enlarges. Either is checked on the server by the same consumeCaptcha.
 */
export function useCaptcha({ loadNow = false }: { loadNow?: boolean } = {}) {
  const [challenge, setChallenge] = useState<TCaptchaChallenge | null>(null);
  const kindRef = useRef<TCaptchaKind>('image');

  async function load(kind: TCaptchaKind = kindRef.current) {
    kindRef.current = kind;
    const response = await fetch(kind === 'text' ? '/api/captcha?kind=text' : '/api/captcha', { method: 'POST' }).catch(() => null);
    if (response?.ok) setChallenge((await response.json()) as TCaptchaChallenge);
  }

  useEffect(() => {
    if (!loadNow) return;
    void fetch('/api/captcha', { method: 'POST' })
      .then((response) => (response.ok ? (response.json() as Promise<TCaptchaChallenge>) : null))
      .then((first) => first && setChallenge((current) => current ?? first))
      .catch(() => null);
  }, [loadNow]);

  return { challenge, id: challenge?.id ?? '', kind: challenge?.kind ?? kindRef.current, load };
}

export type TCaptchaState = ReturnType<typeof useCaptcha>;

type TProps = {
  captcha: TCaptchaState;
  /** The answer input's own props (value/onChange or a react-hook-form registration). */
  inputProps: InputHTMLAttributes<HTMLInputElement>;
  error?: string | null;
  /** Called after the challenge changed (a new image or question): the form clears the old answer. */
  onChange: () => void;
  /** Label of the image mode; existing forms say 图形验证码 or 验证码. */
  imageLabel?: string;
};

const linkButton = 'rounded px-1 py-1 text-sm text-brand-700 underline underline-offset-2 hover:text-brand-800';

export function CaptchaField({ captcha, inputProps, error, onChange, imageLabel = '图形验证码' }: TProps) {
  const { challenge } = captcha;
  const isText = challenge?.kind === 'text';
  const id = 'captchaAnswer';
  const reload = (kind?: TCaptchaKind) => void captcha.load(kind).then(onChange);
  const describedBy = [isText && 'captcha-question', error ? `${id}-error` : `${id}-hint`].filter(Boolean).join(' ');

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {isText ? '验证题' : imageLabel}
        <span className="ml-0.5 text-red-700" aria-hidden>*</span>
      </label>
      {isText && (
        <p id="captcha-question" className="text-lg font-semibold text-stone-900" aria-live="polite">
          {challenge.question}
        </p>
      )}
      <div className="flex items-center gap-3">
        <input
          id={id}
          autoComplete="off"
          maxLength={6}
          inputMode={isText ? 'numeric' : 'text'}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
        {!isText && (
          <button type="button" onClick={() => reload()} className="h-[50px] w-[150px] shrink-0 rounded border border-stone-300 bg-stone-50" aria-label={`换一张${imageLabel}`}>
            {challenge?.kind === 'image' && (
              // eslint-disable-next-line @next/next/no-img-element -- server-generated SVG, shown as an image
              <img src={`data:image/svg+xml;utf8,${encodeURIComponent(challenge.svg)}`} alt={imageLabel} width={150} height={50} />
            )}
          </button>
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {isText ? '请用数字作答，如 12' : '看不清？点击图片换一张'}
        </p>
      )}
      <p className="flex flex-wrap gap-x-3">
        {isText ? (
          <>
            <button type="button" className={linkButton} onClick={() => reload('text')}>换一题</button>
            <button type="button" className={linkButton} onClick={() => reload('image')}>改用图形验证码</button>
          </>
        ) : (
          <button type="button" className={linkButton} onClick={() => reload('text')}>看不清或无法看图？改用文字验证题</button>
        )}
      </p>
    </div>
  );
}
