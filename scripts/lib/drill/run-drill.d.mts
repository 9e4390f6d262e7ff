import type { TStorageSpec } from './storage.mjs';

export type TDrillReport = {
  ok: boolean;
  /** Every difference found, in Chinese; empty when the restore matches. */
  problems: string[];
  seconds: Record<string, number>;
  database: { format: 'copy' | 'pg_dump'; serverVersion: string; migration: string | null; tables: number; rows: number; auditRows: number; newestAudit: string | null };
  files: { source: string; target?: string; objects: number; bytes: number; skipped: string[]; referenced?: number };
  app: { ready?: boolean; audit?: { total: number; shown: number; expected: number } | null; downloads?: number; admin?: string | null };
  workDir: string | null;
};

export function runDrill(options: {
  databaseUrl: string;
  storage: TStorageSpec;
  dir?: string;
  format?: '' | 'copy' | 'pg_dump';
  bucket?: string;
  log?: (message: string) => void;
}): Promise<TDrillReport>;
