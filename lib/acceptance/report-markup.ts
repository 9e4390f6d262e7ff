// The 成果报告's small markup, parsed into blocks that components render as React elements (never as HTML): blank
// lines separate paragraphs, lines starting "- " or "· " make a bulleted list, "1. " / "1、" a numbered list, and
// **text** is bold. Anything else is plain text, so pasted HTML shows as the characters typed.

export type TInline = { text: string; bold: boolean };
export type TBlock = { kind: 'paragraph'; lines: TInline[][] } | { kind: 'bullets' | 'numbers'; items: TInline[][] };

const BULLET = /^\s*[-·•*]\s+/;
const NUMBER = /^\s*\d{1,3}[.、．)]\s*/;

/** Splits **bold** runs; an unmatched ** stays as typed. */
export function parseInline(line: string): TInline[] {
  const parts: TInline[] = [];
  let rest = line;
  for (;;) {
    const start = rest.indexOf('**');
    const end = start >= 0 ? rest.indexOf('**', start + 2) : -1;
    if (start < 0 || end < 0) break;
    if (start > 0) parts.push({ text: rest.slice(0, start), bold: false });
    if (end > start + 2) parts.push({ text: rest.slice(start + 2, end), bold: true });
    rest = rest.slice(end + 2);
  }
  if (rest) parts.push({ text: rest, bold: false });
  return parts;
}

export function parseReport(text: string): TBlock[] {
  const blocks: TBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim());
    if (!lines.length) continue;
    let paragraph: TInline[][] = [];
    let list: Extract<TBlock, { items: unknown }> | null = null;
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', lines: paragraph });
      paragraph = [];
    };
    for (const line of lines) {
      const kind = BULLET.test(line) ? 'bullets' : NUMBER.test(line) ? 'numbers' : null;
      if (!kind) {
        list = null;
        paragraph.push(parseInline(line.trim()));
        continue;
      }
      flush();
      if (!list || list.kind !== kind) {
        list = { kind, items: [] };
        blocks.push(list);
      }
      list.items.push(parseInline(line.replace(kind === 'bullets' ? BULLET : NUMBER, '').trim()));
    }
    flush();
  }
  return blocks;
}

/** The report as plain lines for the PDF (bold dropped, lists with their marks). */
export function reportLines(text: string): string[] {
  return parseReport(text).flatMap((block) => {
    const join = (parts: TInline[]) => parts.map((part) => part.text).join('');
    if (block.kind === 'paragraph') return [block.lines.map(join).join('')];
    return block.items.map((item, index) => `${block.kind === 'bullets' ? '·' : `${index + 1}.`} ${join(item)}`);
  });
}
