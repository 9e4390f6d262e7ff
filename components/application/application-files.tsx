'use client';

import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { FileUpload } from '@/components/upload/file-upload';
import { setApplicationFilesAction } from '@/lib/application/actions';
import type { TUploadedFile } from '@/lib/files/service';

type TFiles = { logo: TUploadedFile[]; photos: TUploadedFile[]; documents: TUploadedFile[] };

/** Logo, photos and supporting documents; every change is saved at once. */
export function ApplicationFiles({ applicationId, initial, maxPhotos, maxDocuments }: { applicationId: string; initial: TFiles; maxPhotos: number; maxDocuments: number }) {
  const [files, setFiles] = useState<TFiles>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved'>('idle');

  async function change(next: TFiles) {
    const previous = files;
    setFiles(next);
    setError(null);
    setSaving('saving');
    const result = await setApplicationFilesAction({
      applicationId,
      logoFileId: next.logo[0]?.id ?? null,
      photoIds: next.photos.map((file) => file.id),
      documentIds: next.documents.map((file) => file.id),
    }).catch(() => null);
    if (!result?.ok) {
      setFiles(previous);
      setSaving('idle');
      setError(result?.message ?? '网络异常，附件未能保存，请重试');
      return;
    }
    setSaving('saved');
  }

  const add = (key: keyof TFiles, replace = false) => (file: TUploadedFile) => void change({ ...files, [key]: replace ? [file] : [...files[key], file] });
  const remove = (key: keyof TFiles) => (file: TUploadedFile) => void change({ ...files, [key]: files[key].filter((item) => item.id !== file.id) });

  return (
    <Card id="section-files" title="品牌标识与附件" className="scroll-mt-16">
      <div className="space-y-5">
        {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
        <p role="status" className="min-h-5 text-sm">
          {saving === 'saving' && <span className="text-stone-600">附件保存中…</span>}
          {saving === 'saved' && <span className="text-green-800">附件已保存</span>}
        </p>
        <div className="space-y-1">
          <p className="text-sm font-medium text-stone-800">品牌标识（Logo）</p>
          <FileUpload slot="LOGO" files={files.logo} onUploaded={add('logo', true)} onRemove={remove('logo')} label="上传品牌标识" />
        </div>
        <div className="space-y-1">
          <p className="text-sm font-medium text-stone-800">工作照片</p>
          <FileUpload slot="PHOTO" files={files.photos} maxFiles={maxPhotos} onUploaded={add('photos')} onRemove={remove('photos')} label="上传照片" hint={`最多 ${maxPhotos} 张`} />
        </div>
        <div className="space-y-1">
          <p className="text-sm font-medium text-stone-800">证明材料</p>
          <FileUpload slot="DOCUMENT" files={files.documents} maxFiles={maxDocuments} onUploaded={add('documents')} onRemove={remove('documents')} label="上传证明材料" hint={`PDF 或图片，最多 ${maxDocuments} 份`} />
        </div>
      </div>
    </Card>
  );
}
