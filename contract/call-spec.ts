import type { z } from 'zod';

/** Timeout a client applies to a call whose spec names none, in ms. */
export const DEFAULT_CALL_TIMEOUT_MS = 15_000;

/**
 * One call of the contract: the zod schema of its input, the client-side timeout, and its
 * output type, which exists only at the type level (`output` is never set at run time).
 */
export interface CallSpec<Input extends z.ZodType, Output> {
  readonly input: Input;
  readonly timeoutMs: number;
  readonly output?: Output;
}

/**
 * Declares a call whose reply value is `Output`. The curried form lets TypeScript infer the
 * schema type while `Output` is given explicitly: `defineCall<Row[]>()(schema)`.
 */
export function defineCall<Output>() {
  return <Input extends z.ZodType>(
    input: Input,
    options: { timeoutMs?: number } = {},
  ): CallSpec<Input, Output> => ({
    input,
    timeoutMs: options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
  });
}
