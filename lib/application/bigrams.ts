/** Full-width ASCII (Ａ, １, ！) → half-width; the ideographic space → a normal space. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Lower-cased, half-width, with spaces and punctuation (Chinese or not) removed. */
export function normalizeBrandName(name: string): string {
  return toHalfWidth(name.normalize('NFKC')).toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Distinct character bigrams of the normalised name; a one-character name is its own bigram. */
export function brandNameBigrams(name: string): string[] {
  const chars = Array.from(normalizeBrandName(name));
  if (chars.length === 0) return [];
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let index = 0; index < chars.length - 1; index++) grams.add(chars[index] + chars[index + 1]);
  return [...grams];
}

/** Sørensen–Dice coefficient of two bigram sets: 2·|A∩B| / (|A|+|B|), 0 when both are empty. */
export function diceSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const setB = new Set(b);
  const shared = new Set(a.filter((gram) => setB.has(gram))).size;
  return (2 * shared) / (new Set(a).size + setB.size);
}
