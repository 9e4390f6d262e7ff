import { fileUrl } from '@/lib/files/service';

const SIZES = { card: 'size-16 text-2xl', page: 'size-24 text-4xl' } as const;

/** The brand's logo, or its first character on a tinted square when it has none. Decorative: the name is beside it. */
export function BrandLogo({ fileId, name, size = 'card' }: { fileId: string | null; name: string; size?: keyof typeof SIZES }) {
  const box = `${SIZES[size]} shrink-0 rounded-lg`;
  if (!fileId) {
    return <span aria-hidden className={`${box} flex items-center justify-center bg-brand-50 font-bold text-brand-700`}>{name.slice(0, 1)}</span>;
  }
  const pixels = size === 'card' ? 64 : 96;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- public logos from our file route, already resized there
    <img src={fileUrl(fileId, 'thumb')} alt="" width={pixels} height={pixels} loading={size === 'card' ? 'lazy' : 'eager'} fetchPriority={size === 'card' ? 'auto' : 'high'} className={`${box} border border-stone-200 bg-white object-contain`} />
  );
}
