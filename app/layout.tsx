import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '党建品牌选树平台', template: '%s · 党建品牌选树平台' },
  description: '基层党建品牌申报、逐级推荐、评审、公示与品牌风采展示平台',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#a61b1b' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
