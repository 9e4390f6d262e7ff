export type TDumpTable = { schema: string; name: string; columns: string[]; file?: string };
export type TAuditRow = { id: string; action: string; entityType: string; entityId: string; createdAt: string };
export type TDatabaseManifest = {
  format: 'copy' | 'pg_dump';
  serverVersion: string;
  takenAt: string;
  migrations: string[];
  tables: TDumpTable[];
  /** `schema.table` → rows in the dump's snapshot. */
  counts: Record<string, number>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  fingerprint: string[];
  audit: TAuditRow[];
};
export type TRestoreTarget = { adminUrl: string; migrateUrl: string; url: string; appRole: string };

export function chooseFormat(serverMajor: number, forced?: string): 'copy' | 'pg_dump';
export function dumpDatabase(options: { url: string; dir: string; format?: '' | 'copy' | 'pg_dump' }): Promise<TDatabaseManifest>;
export function readDatabaseManifest(dir: string): TDatabaseManifest;
export function restoreDatabase(options: { dir: string; database: TRestoreTarget }): Promise<TDatabaseManifest>;
export function compareDatabase(manifest: TDatabaseManifest, adminUrl: string): Promise<{ problems: string[]; counts: Record<string, number> }>;
