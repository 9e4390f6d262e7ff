// Share metadata of the 品牌风采 pages (metadataBase, from NEXTAUTH_URL, is set once in app/layout.tsx).

/** A description of at most `max` characters from the first non-empty text, on one line. */
export function shortDescription(texts: string[], max = 90): string {
  const text = (texts.find((candidate) => candidate.trim()) ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
