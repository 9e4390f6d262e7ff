// 匿名评审: what identifies the declaring organization is taken out of everything an expert reads.

export const REDACTED = '××';

type TIdentity = { organizationName: string; organizationShortName: string | null; secretaryName: string; contactName: string; contactPhone: string };

/** The words that would name the declaring unit or its people: its name (also without the leading 中共), short name, names and phone. */
export function identityTerms(identity: TIdentity): string[] {
  const name = identity.organizationName.trim();
  const candidates = [name, name.replace(/^中共/, ''), identity.organizationShortName ?? '', identity.secretaryName, identity.contactName, identity.contactPhone];
  const terms = new Set(candidates.map((term) => term.trim()).filter((term) => term.length >= 2));
  // Longest first, so a full name is replaced before the short name inside it.
  return [...terms].sort((a, b) => b.length - a.length);
}

/** The text with every identifying term replaced by ××. */
export function redactIdentity(text: string, terms: readonly string[]): string {
  return terms.reduce((result, term) => result.split(term).join(REDACTED), text);
}
