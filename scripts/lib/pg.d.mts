export const ROOT: string;
export const APPEND_ONLY_TABLES: string[];
export const JOB_SCHEMA: string;
export type TRole = { name: string; password: string };
export type TRoles = { owner: TRole; app: TRole };
export function freePort(preferred?: number): Promise<number>;
export function throwawayRoles(adminUrl: string): TRoles;
export function startEmbeddedPostgres(options: {
  dir: string;
  persistent: boolean;
  preferredPort?: number;
  quiet?: boolean;
  log?: (message: string) => void;
}): Promise<{ adminUrl: string; port: number; roles: TRoles; postmasterPid?: number; watchdogPid?: number; stop: () => Promise<void> }>;
export function ensureDatabase(adminUrl: string, name: string, options?: { owner?: string }): Promise<string>;
export function ensureRoles(adminUrl: string, roles: TRoles): Promise<void>;
export function prepareEmbeddedDatabase(
  server: { adminUrl: string; roles: TRoles },
  name: string,
): Promise<{ url: string; migrateUrl: string; appRole: string; adminUrl: string }>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function listMigrations(dir?: string): string[];
export function migrate(url: string, options?: { log?: (message: string) => void; dir?: string; appRole?: string; through?: number }): Promise<string[]>;
export function isDatabaseEmpty(url: string): Promise<boolean>;
