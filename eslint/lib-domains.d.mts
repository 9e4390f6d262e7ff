import type { ESLint } from 'eslint';

export const LIB_DOMAINS: Record<string, string[]>;
export function findCycle(table: Record<string, readonly string[]>): string[] | null;
export const libDomainsPlugin: ESLint.Plugin;
