export const ROOT: string;
export function freePort(preferred?: number): Promise<number>;
export function startEmbeddedPostgres(options: {
  dir: string;
  persistent: boolean;
  preferredPort?: number;
  quiet?: boolean;
}): Promise<{ adminUrl: string; port: number; stop: () => Promise<void> }>;
export function ensureDatabase(adminUrl: string, name: string): Promise<string>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function listMigrations(dir?: string): string[];
export function migrate(url: string, options?: { log?: (message: string) => void; dir?: string }): Promise<string[]>;
export function isDatabaseEmpty(url: string): Promise<boolean>;
