export class ExplainedError extends Error {}
export function describeError(error: unknown): string;
