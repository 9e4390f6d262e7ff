'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { prepareUpload } from '@/components/upload/prepare-upload';
import type { TUploadSlot } from '@/lib/files/check';
import { IMAGE_LIMIT_LABEL, PDF_LIMIT_LABEL } from '@/lib/files/limits';
import type { TUploadedFile } from '@/lib/files/service';
import { formatFileSize } from '@/lib/format';

/** Stated beside the button, before anything is chosen. */
const SLOT_LIMITS: Record<TUploadSlot, string> = {
  LOGO: `JPG、PNG 或 WebP 图片，不超过 ${IMAGE_LIMIT_LABEL}；更大的图片会先在本机压缩再上传`,
  PHOTO: `JPG、PNG 或 WebP 图片，每张不超过 ${IMAGE_LIMIT_LABEL}；更大的照片会先在本机压缩再上传`,
  DOCUMENT: `PDF 不超过 ${PDF_LIMIT_LABEL}；JPG、PNG、WebP 图片不超过 ${IMAGE_LIMIT_LABEL}（更大的会先在本机压缩）`,
};

const SLOT_ACCEPT: Record<TUploadSlot, string> = {
  LOGO: 'image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp',
  PHOTO: 'image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp',
  DOCUMENT: 'application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp',
};

type TFileUploadProps = {
  slot: TUploadSlot;
  /** Files already chosen; the caller keeps the list (and may hold files from an earlier save). */
  files: TUploadedFile[];
  onUploaded: (file: TUploadedFile) => void;
  onRemove: (file: TUploadedFile) => void;
  accept?: string;
  maxFiles?: number;
  /** Shown on the choose button, e.g. 上传品牌标识. */
  label?: string;
  hint?: string;
  disabled?: boolean;
};

type TUploadOutcome = { ok: true; file: TUploadedFile } | { ok: false; message: string };

/** XMLHttpRequest rather than fetch: only it reports upload progress. */
function sendFile(file: File, slot: TUploadSlot, onProgress: (percent: number) => void): Promise<TUploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/files');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as (TUploadedFile & { message?: string }) | null;
      if (request.status === 201 && body?.id) resolve({ ok: true, file: body });
      else resolve({ ok: false, message: body?.message ?? `上传失败（${request.status}），请稍后重试` });
    };
    request.onerror = () => resolve({ ok: false, message: '网络异常，上传失败，请检查网络后重试' });
    const form = new FormData();
    form.append('slot', slot);
    form.append('file', file);
    request.send(form);
  });
}

export function FileUpload({ slot, files, onUploaded, onRemove, accept, maxFiles = 1, label = '选择文件', hint, disabled = false }: TFileUploadProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const limitsId = useId();
  const [progress, setProgress] = useState<{ name: string; percent: number; isCompressing?: boolean } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const remaining = maxFiles - files.length;

  async function uploadChosen(chosen: File[]) {
    const problems: string[] = [];
    if (chosen.length > remaining) problems.push(`最多只能上传 ${maxFiles} 个文件，多出的 ${chosen.length - remaining} 个未上传`);
    for (const file of chosen.slice(0, Math.max(remaining, 0))) {
      setProgress({ name: file.name, percent: 0, isCompressing: true });
      const prepared = await prepareUpload(file);
      if (!prepared.ok) {
        problems.push(`${file.name}：${prepared.message}`);
        continue;
      }
      setProgress({ name: file.name, percent: 0 });
      const outcome = await sendFile(prepared.file, slot, (percent) => setProgress({ name: file.name, percent }));
      if (outcome.ok) onUploaded(outcome.file);
      else problems.push(`${file.name}：${outcome.message}`);
    }
    setProgress(null);
    setErrors(problems);
  }

  return (
    <div className="space-y-3">
      {files.length > 0 && (
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {files.map((file) => (
            <li key={file.id} className="flex items-center gap-3 rounded-md border border-stone-200 bg-white p-2">
              {file.kind === 'IMAGE' && file.thumbUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route, not next/image
                <img src={file.thumbUrl} alt={file.originalName} className="size-16 shrink-0 rounded object-cover" />
              ) : (
                <span aria-hidden className="flex size-16 shrink-0 items-center justify-center rounded bg-red-50 text-sm font-semibold text-red-700">
                  PDF
                </span>
              )}
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm text-stone-800" title={file.originalName}>
                  {file.originalName}
                </span>
                <span className="block text-xs text-stone-500">
                  {formatFileSize(file.size)}
                  {file.width && file.height ? ` · ${file.width}×${file.height}` : ''}
                </span>
              </span>
              <Button variant="ghost" className="shrink-0 text-red-700" onClick={() => onRemove(file)} disabled={disabled || progress !== null} aria-label={`移除 ${file.originalName}`}>
                移除
              </Button>
            </li>
          ))}
        </ul>
      )}

      {progress && (
        <div className="space-y-1">
          <p className="truncate text-sm text-stone-700">
            {progress.isCompressing ? '正在处理' : '正在上传'} {progress.name}……
          </p>
          {!progress.isCompressing && (
            <>
              <div
                role="progressbar"
                aria-label={`上传进度：${progress.name}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={progress.percent}
                className="h-2 w-full overflow-hidden rounded-full bg-stone-200"
              >
                <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${progress.percent}%` }} />
              </div>
              <p className="text-xs text-stone-500">{progress.percent}%</p>
            </>
          )}
        </div>
      )}

      {remaining > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <input
            ref={inputRef}
            type="file"
            className="hidden"
            accept={accept ?? SLOT_ACCEPT[slot]}
            multiple={maxFiles > 1}
            onChange={(event) => {
              const chosen = Array.from(event.target.files ?? []);
              event.target.value = '';
              if (chosen.length > 0) void uploadChosen(chosen);
            }}
          />
          <Button
            variant="secondary"
            onClick={() => inputRef.current?.click()}
            isLoading={progress !== null}
            disabled={disabled}
            aria-describedby={hint ? `${hintId} ${limitsId}` : limitsId}
          >
            {label}
          </Button>
          {maxFiles > 1 && <span className="text-xs text-stone-500">还可上传 {remaining} 个</span>}
        </div>
      )}
      <p className="text-xs text-stone-500">
        {hint && <span id={hintId}>{hint}。</span>}
        <span id={limitsId}>{SLOT_LIMITS[slot]}</span>
      </p>

      {errors.length > 0 && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
