'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { updateDocumentSettingsAction } from '@/lib/documents/actions';
import { formatDocumentNumber, SERIAL_PLACEHOLDER } from '@/lib/documents/numbering-format';

type TProps = {
  campaignId: string;
  documentNumberPattern: string;
  documentIssuer: string;
  defaultPattern: string;
  defaultIssuer: string;
};

/** 文书设置: the 文号 pattern and the issuing organization, with a preview of the next number's shape. */
export function DocumentSettingsForm({ campaignId, documentNumberPattern, documentIssuer, defaultPattern, defaultIssuer }: TProps) {
  const router = useRouter();
  const [pattern, setPattern] = useState(documentNumberPattern);
  const [issuer, setIssuer] = useState(documentIssuer);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateDocumentSettingsAction({ campaignId, documentNumberPattern: pattern, documentIssuer: issuer });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.message });
        return;
      }
      setErrors({});
      setMessage({ ok: true, text: '文书设置已保存，之后印发的文书按新设置编号。' });
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} className="grid gap-3 sm:grid-cols-2" noValidate>
      <Field
        id="document-number-pattern"
        label="文号格式"
        error={errors.documentNumberPattern}
        hint={
          <>
            留空为“{defaultPattern}”；序号接在后面并加“号”，或用 {SERIAL_PLACEHOLDER} 标出序号的位置。示例：{formatDocumentNumber(pattern.trim() || defaultPattern, 1)}
          </>
        }
      >
        <TextInput id="document-number-pattern" name="documentNumberPattern" value={pattern} maxLength={40} placeholder={defaultPattern} invalid={!!errors.documentNumberPattern} onChange={(event) => setPattern(event.target.value)} />
      </Field>
      <Field id="document-issuer" label="发文单位" error={errors.documentIssuer} hint={`留空为主办单位“${defaultIssuer}”`}>
        <TextInput id="document-issuer" name="documentIssuer" value={issuer} maxLength={60} placeholder={defaultIssuer} invalid={!!errors.documentIssuer} onChange={(event) => setIssuer(event.target.value)} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary" isLoading={isPending}>
          保存文书设置
        </Button>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-sm text-green-800' : 'text-sm text-red-700'}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
