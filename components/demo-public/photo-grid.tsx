import { fileUrl } from '@/lib/files/service';
import type { TPublicPhoto } from '@/lib/demo-public/queries';

/** Site photos from the file route (public while the site stands), small on a phone. */
export function PhotoGrid({ photos, showSite = false }: { photos: TPublicPhoto[]; showSite?: boolean }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {photos.map((photo, index) => {
        const caption = [showSite ? photo.siteName : '', photo.caption].filter(Boolean).join('：');
        return (
          <li key={photo.fileId}>
            <figure>
              <a href={fileUrl(photo.fileId)} target="_blank" rel="noopener">
                {/* eslint-disable-next-line @next/next/no-img-element -- public photos from our file route, resized there */}
                <img
                  src={fileUrl(photo.fileId, 'medium')}
                  srcSet={`${fileUrl(photo.fileId, 'thumb')} 320w, ${fileUrl(photo.fileId, 'medium')} 1024w`}
                  sizes="(min-width: 640px) 240px, 50vw"
                  alt={caption || `${photo.siteName}照片${index + 1}`}
                  width={400}
                  height={300}
                  loading={index < 2 ? 'eager' : 'lazy'}
                  className="aspect-[4/3] w-full rounded-lg border border-stone-200 object-cover"
                />
              </a>
              {caption && <figcaption className="mt-1 text-xs text-stone-600">{caption}</figcaption>}
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
