'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ImportErrorTable } from '@/components/import/import-error-table';
import { NewAccountsTable } from '@/components/import/new-accounts-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { TActionResult } from '@/lib/errors';
import { MAX_IMPORT_BYTES, type TImportKind } from '@/lib/import/columns';
import type { TImportResult } from '@/lib/import/service';

type TProps = {
  kind: TImportKind;
  action: (formData: FormData) => Promise<TActionResult<TImportResult>>;
};

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportSection({ kind, action }: TProps) {
  const router = useRouter();
  const inputId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [isUploading, setIsUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setResult(null);
    const formData = new FormData(event.currentTarget);
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return setProblem('请选择要导入的 Excel 文件');
    if (file.size > MAX_IMPORT_BYTES) return setProblem('文件超过 5 MB，请分批导入');
    setIsUploading(true);
    try {
      const response = await action(formData);
      if (!response.ok) setProblem(response.message);
      else {
        setResult(response.data);
        if (response.data.status === 'imported') {
          formRef.current?.reset();
          router.refresh();
        }
      }
    } catch {
      setProblem('上传失败，请检查网络后重试');
    } finally {
      setIsUploading(false);
    }
  }

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <label htmlFor={inputId} className="min-w-0 flex-1 space-y-1 text-sm">
          <span className="block font-medium">选择 Excel 文件（.xlsx，不超过 5 MB）</span>
          <input
            id={inputId}
            name="file"
            type="file"
            accept={XLSX_ACCEPT}
            disabled={isUploading}
            className="block w-full rounded-md border border-stone-300 bg-white text-sm text-stone-700 file:mr-3 file:border-0 file:bg-stone-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-stone-200"
          />
        </label>
        <Button type="submit" isLoading={isUploading}>{isUploading ? '正在校验并导入…' : '上传并导入'}</Button>
      </form>
      {problem && <Alert tone="error">{problem}</Alert>}
      {result?.status === 'invalid' && (
        <div className="space-y-3">
          <Alert tone="error">发现 {result.errors.length} 处问题，没有导入任何数据。请在文件中改正后重新上传。</Alert>
          <ImportErrorTable errors={result.errors} />
        </div>
      )}
      {result?.status === 'imported' && (
        <div className="space-y-3">
          <Alert tone="success">
            导入完成：新建 {result.summary.created} / 更新 {result.summary.updated} / 未变 {result.summary.unchanged}
            {kind === 'users' && `；新增角色 ${result.summary.rolesAdded ?? 0} 个`}
          </Alert>
          {result.newAccounts.length > 0 && <NewAccountsTable accounts={result.newAccounts} />}
        </div>
      )}
    </div>
  );
}
