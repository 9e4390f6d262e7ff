// The 文号 and the issuing organization of a campaign's documents, as pure functions (the settings form previews them).

/** Where the serial goes in a pattern; a pattern without it is a prefix followed by the serial and 号. */
export const SERIAL_PLACEHOLDER = '{序号}';

type TNumberingCampaign = { year: number; documentNumberPattern: string; ownerOrg: { name: string; shortName: string | null } };

/** The pattern in force: the campaign's, or the owner's short name and the year (示范市委组织部〔2026〕). */
export function numberPattern(campaign: TNumberingCampaign): string {
  return campaign.documentNumberPattern.trim() || `${campaign.ownerOrg.shortName ?? campaign.ownerOrg.name}〔${campaign.year}〕`;
}

/** 示范市委组织部〔2026〕 + 7 → 示范市委组织部〔2026〕7号; 党建字〔2026〕第{序号}号 + 7 → 党建字〔2026〕第7号. */
export function formatDocumentNumber(pattern: string, serial: number): string {
  return pattern.includes(SERIAL_PLACEHOLDER) ? pattern.replaceAll(SERIAL_PLACEHOLDER, String(serial)) : `${pattern}${serial}号`;
}

/** The issuing organization printed on the documents: the campaign's setting, or its owner's name. */
export const issuerOf = (campaign: { documentIssuer: string; ownerOrg: { name: string } }) => campaign.documentIssuer.trim() || campaign.ownerOrg.name;

