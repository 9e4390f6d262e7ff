import type { Metadata, Viewport } from 'next';
import { TextSizeScript } from '@/components/layout/text-size';
import { publicBaseUrl } from '@/lib/honors/url';
import './globals.css';

// metadataBase from NEXTAUTH_URL (never from the request, so a page is the same for every visitor): share images and
// canonical links of every page resolve against the configured address.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(`${publicBaseUrl()}/`),
    title: { default: '党建品牌选树平台', template: '%s · 党建品牌选树平台' },
    description: '基层党建品牌申报、逐级推荐、评审、公示与品牌风采展示平台',
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#a61b1b' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The 大字 script sets a class on <html> before React hydrates it.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <TextSizeScript />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
