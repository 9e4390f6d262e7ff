import type { Client } from 'pg';

export type TProvinceScale = {
  cities: number;
  countiesPerCity: number;
  branches: number;
  entries: number;
  experts: number;
  expertsPerEntry: number;
  memberVoters: number;
  publicVoters: number;
  votes: number;
  votingDays: number;
  ledgerEntries: number;
  ledgerMonths: number;
  decided: number;
  objections: number;
  acceptance: number;
  sites: number;
  belts: number;
};
export const PROVINCE_FULL: Readonly<TProvinceScale>;
export function provinceScale(factor?: number): TProvinceScale;
export function generateProvince(
  client: Client,
  options?: { prefix?: string; scale?: TProvinceScale; passwordHash?: string; evidencePhoto?: { size: number; sha256: string }; log?: (message: string) => void },
): Promise<{ prefix: string; rootOrgId: string; campaignId: string; programId: string; adminUserId: string; existing: boolean; scale: TProvinceScale }>;
