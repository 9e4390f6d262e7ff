import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

/** The link annotations of a PDF: the URI and its rectangle [x1 y1 x2 y2] in PDF points (origin bottom left). */
export function pdfLinks(pdf: Buffer): { uri: string; rect: number[] }[] {
  const text = pdf.toString('latin1');
  const uris = new Map<string, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*<<\s*\/S \/URI\s*\/URI \(((?:\\.|[^\\)])*)\)/g)) uris.set(match[1], match[2].replace(/\\(.)/g, '$1'));
  const links: { uri: string; rect: number[] }[] = [];
  for (const match of text.matchAll(/\/Subtype \/Link[\s\S]*?>>/g)) {
    const rect = /\/Rect \[([^\]]+)\]/.exec(match[0]);
    const action = /\/A (\d+) 0 R/.exec(match[0]);
    const uri = action && uris.get(action[1]);
    if (rect && uri) links.push({ uri, rect: rect[1].trim().split(/\s+/).map(Number) });
  }
  return links;
}

/**
 * Decodes the QR code a certificate draws as vector modules: every `x y w 1 re` with integer coordinates (the module
 * grid after the code's scale) is painted into a bitmap, which jsQR then reads like a camera frame.
 */
export function decodeCertificateQr(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const runs: number[][] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/(?:^|\s)(\d+) (\d+) (\d+) 1 re\b/g)) runs.push([Number(op[1]), Number(op[2]), Number(op[3])]);
  }
  if (!runs.length) return null;
  const modules = Math.max(...runs.map(([x, , w]) => x + w), ...runs.map(([, y]) => y + 1));
  const scale = 6;
  const quiet = 4;
  const side = (modules + quiet * 2) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [x, y, w] of runs) {
    for (let py = (y + quiet) * scale; py < (y + quiet + 1) * scale; py++) {
      for (let px = (x + quiet) * scale; px < (x + quiet + w) * scale; px++) {
        const offset = (py * side + px) * 4;
        pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}
