/** An error whose message already says what happened and what to do: shown without a stack trace. */
export class ExplainedError extends Error {}

/** What a script prints for a failure: never `undefined`, the stack only where the message alone does not explain. */
export function describeError(error) {
  if (error instanceof ExplainedError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return `${String(error)}（抛出的不是 Error 对象）`;
}
