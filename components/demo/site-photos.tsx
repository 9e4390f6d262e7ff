'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FileUpload } from '@/components/upload/file-upload';
import { addDemoSitePhotosAction, removeDemoSitePhotoAction } from '@/lib/demo-site/actions';

type TPhoto = { file: { id: string; originalName: string } };

/** A site's photos: each upload is saved at once; public while the site is not revoked. */
export function SitePhotos({ siteId, photos, editable }: { siteId: string; photos: TPhoto[]; editable: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<{ ok: boolean; message?: string }>) {
    setError(null);
    const result = await action().catch(() => ({ ok: false, message: '网络异常，请稍后重试' }));
    if (!result.ok) setError(result.message ?? '保存失败');
    else router.refresh();
  }
  return (
    <div className="space-y-3">
      {photos.length === 0 ? (
        <p className="text-sm text-stone-500">还没有照片。</p>
      ) : (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {photos.map(({ file }) => (
            <li key={file.id} className="space-y-1">
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
              <img src={`/api/files/${file.id}?variant=medium`} alt={file.originalName} className="aspect-[4/3] w-full rounded object-cover" />
              {editable && (
                <Button variant="ghost" className="px-2 text-red-700" aria-label={`移除照片 ${file.originalName}`} onClick={() => run(() => removeDemoSitePhotoAction({ siteId, fileId: file.id }))}>
                  移除
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && <FileUpload slot="PHOTO" files={[]} maxFiles={12} label="上传照片" onUploaded={(file) => run(() => addDemoSitePhotosAction({ siteId, fileIds: [file.id] }))} onRemove={() => undefined} />}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
