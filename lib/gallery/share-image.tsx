// Share images (Open Graph, 1200 × 630) of 品牌风采, drawn with next/og. Satori needs the font itself: Noto Sans SC
// bold from npm (@expo-google-fonts/noto-sans-sc, the font the PDFs use), read once per process.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };

let font: Promise<Buffer> | undefined;
const loadFont = () => (font ??= readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')));

type TShareImage = { kicker: string; title: string; lines: string[] };

/** A red card: a small line above, the title large, a few lines below, the platform's name at the foot. */
export async function shareImage({ kicker, title, lines }: TShareImage): Promise<ImageResponse> {
  const fontData = await loadFont();
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '64px 72px', background: 'linear-gradient(160deg, #a61b1b 0%, #8a1919 100%)', color: '#ffffff', fontFamily: 'Noto Sans SC' }}>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 34, color: '#fde3e3' }}>{kicker}</div>
          <div style={{ marginTop: 24, fontSize: title.length > 12 ? 64 : 84, lineHeight: 1.2 }}>{title}</div>
          {lines.map((line) => (
            <div key={line} style={{ marginTop: 16, fontSize: 36, color: '#fef2f2' }}>{line}</div>
          ))}
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 30, color: '#fde3e3' }}>
          <span>党建品牌选树平台</span>
          <span>品牌风采</span>
        </div>
      </div>
    ),
    { ...SHARE_IMAGE_SIZE, fonts: [{ name: 'Noto Sans SC', data: fontData, weight: 700, style: 'normal' }] },
  );
}
