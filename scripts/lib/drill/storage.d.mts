import type { Readable } from 'node:stream';

export type TStorageSpec =
  | { driver: 'local'; dir: string }
  | { driver: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

export type TStoredObjectEntry = { key: string; size: number; sha256: string; contentType: string | null };
export type TStorageManifest = { storage: string; objects: TStoredObjectEntry[]; skipped: string[] };

export function storageFromEnv(env?: Record<string, string | undefined>): TStorageSpec;
export function storageEnv(spec: TStorageSpec): Record<string, string>;
export function describeStorage(spec: TStorageSpec): string;
export function openStorage(spec: TStorageSpec): {
  list(): Promise<{ key: string; size: number }[]>;
  read(key: string): Promise<Readable>;
  write(key: string, bytes: Buffer, contentType: string): Promise<void>;
};
export function dumpStorage(options: { spec: TStorageSpec; dir: string }): Promise<TStorageManifest>;
export function prepareFreshStorage(spec: TStorageSpec): Promise<void>;
export function restoreStorage(options: { dir: string; spec: TStorageSpec; manifest: TStorageManifest }): Promise<void>;
export function compareStorage(options: { spec: TStorageSpec; manifest: TStorageManifest }): Promise<{ problems: string[]; hashes: Map<string, { sha256: string; size: number }> }>;
export function removeStorage(spec: TStorageSpec): Promise<void>;
export function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void>;
