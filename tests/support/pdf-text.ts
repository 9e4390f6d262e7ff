import { inflateSync } from 'node:zlib';

/** Streams of a pdfkit PDF, inflated (pdfkit compresses every stream with Flate). */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const pattern = /(?<!end)stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      streams.push(raw.toString('latin1'));
    }
    pattern.lastIndex = end;
  }
  return streams;
}

/** glyph id → text, from a ToUnicode CMap written as `<start> <end> [<hex> …]` ranges. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    const start = parseInt(range[1], 16);
    [...range[3].matchAll(/<([0-9a-f ]+)>/gi)].forEach((entry, index) => {
      const units = entry[1].split(' ').map((hex) => parseInt(hex, 16));
      map.set(start + index, String.fromCharCode(...units));
    });
  }
  return map;
}

/**
 * The text of every hex string shown in the content streams, decoded once with each embedded font's
 * CMap (glyph ids differ per font, so a decode with the wrong font yields noise that a search ignores).
 */
export function extractPdfText(pdf: Buffer): string {
  const streams = pdfStreams(pdf);
  const cmaps = streams.filter((stream) => stream.includes('beginbfrange')).map(parseCmap);
  const shown = streams.filter((stream) => /\bTJ\b/.test(stream)).flatMap((stream) => [...stream.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((op) => op[1]));
  return cmaps
    .map((cmap) =>
      shown
        .map((op) =>
          [...op.matchAll(/<([0-9a-f]+)>/gi)]
            .map((hex) => hex[1].match(/.{4}/g)?.map((glyph) => cmap.get(parseInt(glyph, 16)) ?? '').join('') ?? '')
            .join(''),
        )
        .join('\n'),
    )
    .join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
