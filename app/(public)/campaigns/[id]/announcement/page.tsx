import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { PrintButton } from '@/components/application/print-button';
import { AnnouncementDocument } from '@/components/honors/announcement-document';
import { PublicHeader } from '@/components/layout/public-header';
import { buttonClass } from '@/components/ui/button';
import { formatDate } from '@/lib/format';
import { loadAnnouncement as loadAnnouncementUncached } from '@/lib/honors/queries';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ id: string }> };

// Metadata and page read it once per request.
const loadAnnouncement = cache(loadAnnouncementUncached);

// Printed from the browser it is the document alone on A4 like the PDF: the GB/T 9704 版心 (天头 37 mm, 订口 28 mm) and
// "— 1 —" under it, odd pages right, even pages left (where the browser supports page-margin boxes).
const PAGE_NUMBER = 'content: "— " counter(page) " —"; font-size: 14pt; vertical-align: top; padding-top: 7mm;';
const PRINT_CSS = [
  '@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }',
  `@page :right { @bottom-right { ${PAGE_NUMBER} padding-right: 16pt; } }`,
  `@page :left { @bottom-left { ${PAGE_NUMBER} padding-left: 16pt; } }`,
  '@media print { body { background: #fff; } .announcement-page { max-width: none !important; padding: 0 !important; } .announcement-sheet { border: 0 !important; box-shadow: none !important; padding: 0 !important; } }',
].join(' ');

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const data = await loadAnnouncement((await params).id);
  if (!data) return { title: '表彰决定' };
  return { title: data.title, description: `${data.issuerName}${formatDate(data.issuedOn)}发布${data.title}，表彰 ${data.total} 个党建品牌。` };
}

/** 表彰决定 (通报表扬): public once published. */
export default async function AnnouncementPage({ params }: TProps) {
  const { id } = await params;
  const data = await loadAnnouncement(id);
  if (!data) notFound();
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print">
        <PublicHeader />
      </div>
      <main className="announcement-page mx-auto max-w-3xl space-y-4 px-3 py-6 sm:px-4">
        <div className="no-print flex flex-wrap items-center justify-between gap-3">
          <Link href="/" className="text-sm text-brand-700 hover:underline">
            ← 返回首页
          </Link>
          <div className="flex flex-wrap gap-2">
            <PrintButton />
            <a href={`/api/campaigns/${data.campaign.id}/announcement`} download className={buttonClass('secondary')}>
              下载 PDF
            </a>
          </div>
        </div>
        <AnnouncementDocument data={data} />
        <p className="no-print text-center text-sm text-stone-600">
          获奖证书可在<Link href="/certificates" className="text-brand-700 underline">证书验证</Link>页查验真伪。
        </p>
      </main>
    </>
  );
}
