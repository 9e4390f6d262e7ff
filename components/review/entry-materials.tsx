import { formatFileSize } from '@/lib/format';
import { fileUrl } from '@/lib/files/service';
import type { TExpertSheet } from '@/lib/review/scoring';

type TProps = { photos: TExpertSheet['entry']['photos']; documents: TExpertSheet['entry']['documents'] };

/** The entry's photos and 证明材料 on the score sheet; every file goes through the access-checked file route. */
export function EntryMaterials({ photos, documents }: TProps) {
  return (
    <>
      <section aria-labelledby="photos-heading" className="px-4 py-3">
        <h3 id="photos-heading" className="text-sm font-medium text-stone-800">
          照片（{photos.length}）
        </h3>
        {photos.length === 0 ? (
          <p className="mt-2 text-sm text-stone-500">未上传照片</p>
        ) : (
          <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
            {photos.map((photo) => (
              <li key={photo.id} className="min-w-0">
                <a href={fileUrl(photo.id, 'medium')} target="_blank" rel="noopener" className="block rounded focus-visible:outline-2 focus-visible:outline-brand-700">
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
                  <img src={fileUrl(photo.id, 'thumb')} alt={photo.label} loading="lazy" className="aspect-[4/3] w-full rounded border border-stone-200 bg-stone-50 object-cover" />
                </a>
                <p className="mt-1 line-clamp-2 break-words text-xs text-stone-600">{photo.label}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="documents-heading" className="px-4 py-3">
        <h3 id="documents-heading" className="text-sm font-medium text-stone-800">
          证明材料（{documents.length}）
        </h3>
        {documents.length === 0 ? (
          <p className="mt-2 text-sm text-stone-500">未上传证明材料</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {documents.map((document) => (
              <li key={document.id}>
                <a
                  href={fileUrl(document.id)}
                  target="_blank"
                  rel="noopener"
                  className="flex min-h-11 items-center gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm hover:bg-stone-50"
                >
                  <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded bg-red-50 text-xs font-semibold text-red-700">
                    {document.typeLabel}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block break-words text-brand-700 underline-offset-2 hover:underline">{document.label}</span>
                    <span className="block text-xs text-stone-500">
                      {document.typeLabel} · {formatFileSize(document.size)}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
