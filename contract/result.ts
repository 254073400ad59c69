/**
 * The reply shape of every call: a result, never a thrown string, so the renderer handles
 * failures as values and every transport (IPC, WebSocket, MessagePort) carries them as JSON.
 */

/** Error codes a call can return; the renderer switches on these, not on messages. */
export const ERROR_CODES = [
  /** The input failed the call's zod schema; `issues` lists each problem. */
  'invalid_input',
  /** A file, URL or feed is unusable (`reason` has the core's code, e.g. password_required). */
  'input_error',
  /** The id or path named in the input does not exist. */
  'not_found',
  /** The core does not implement this call yet. */
  'not_available',
  /** The caller is not allowed to make the call (an untrusted sender, a bad token). */
  'forbidden',
  /** No reply came within the call's timeout. */
  'timeout',
  /** The connection to the core dropped before the reply came. */
  'disconnected',
  /** A bug or an unexpected failure in the core; details are in the core's log. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem found by input validation. */
export interface InputIssue {
  /** Dotted path of the offending field, empty for the input as a whole. */
  path: string;
  message: string;
}

/** The error half of a result. */
export interface ApiError {
  code: ErrorCode;
  /** A sentence for the user: what failed, on which value, and what to do. */
  message: string;
  /** A finer machine-readable cause, e.g. the core's InputError code `password_required`. */
  reason?: string;
  /** Present for `invalid_input`. */
  issues?: InputIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  extra: Pick<ApiError, 'reason' | 'issues'> = {},
): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}
