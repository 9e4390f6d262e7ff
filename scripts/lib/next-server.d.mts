// Types of next-server.mjs for the TypeScript that imports it (tests/unit/node-options.test.ts).
export const SEMI_SPACE_OPTION: string;
export function productionNodeOptions(existing?: string): string;
