/** Maps what handlers throw to the contract's error results. */
import type { z } from 'zod';
import { fail, type ErrorCode, type InputIssue, type Result } from '../../contract/result.ts';
import { InputError } from '../jobs/job-errors.ts';
import type { Logger } from '../log.ts';

/** An expected failure a handler reports with a contract error code. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  readonly code: ErrorCode;
  readonly reason: string | undefined;

  constructor(code: ErrorCode, message: string, reason?: string) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}

/** Thrown when a call names a row that does not exist. */
export function notFound(what: string, id: string): ApiFailure {
  return new ApiFailure('not_found', `No ${what} has id ${id}; it may have been deleted.`);
}

/** Converts zod issues into the contract's flat issue list. */
export function inputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Turns a thrown error into a failed result; unexpected errors are logged with the call. */
export function toFailure(error: unknown, call: string, logger: Logger): Result<never> {
  if (error instanceof ApiFailure) {
    return fail(error.code, error.message, error.reason ? { reason: error.reason } : {});
  }
  if (error instanceof InputError)
    return fail('input_error', error.message, { reason: error.code });
  logger.error({ err: error, call }, 'API call failed unexpectedly.');
  return fail('internal', `${call} failed unexpectedly; the core's log has the details.`);
}
