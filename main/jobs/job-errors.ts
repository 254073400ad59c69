/**
 * Error classes that decide what the job runner does with a failure:
 * - `InputError`: the input itself is wrong (a corrupt or encrypted file). Never retried.
 * - `TransientError`: worth another attempt later (a timeout, a crashed or stalled worker).
 * - anything else is a bug: retried like a transient error, and logged with its stack.
 */

/** Structured detail carried by every input error so the user can act on it. */
export interface InputProblem {
  /** The file or URL at fault. */
  source: string;
  /** Position in the source, when known: a page, a line and column, a byte offset. */
  location?: string;
  /** The problem, as one sentence. */
  problem: string;
  /** The remedy the user can apply, as one sentence. */
  fix: string;
}

export class InputError extends Error {
  override name = 'InputError';
  readonly code: string;
  readonly source: string;
  readonly location: string | undefined;
  readonly problem: string;
  readonly fix: string;

  constructor(code: string, detail: InputProblem, options?: { cause?: unknown }) {
    const where = detail.location ? ` (${detail.location})` : '';
    super(`${detail.source}${where}: ${detail.problem} ${detail.fix}`, options);
    this.code = code;
    this.source = detail.source;
    this.location = detail.location;
    this.problem = detail.problem;
    this.fix = detail.fix;
  }
}

/** An encrypted PDF whose user password is missing or wrong. */
export class PasswordRequiredError extends InputError {
  override name = 'PasswordRequiredError';
  readonly wrongPassword: boolean;

  constructor(source: string, wrongPassword: boolean, options?: { cause?: unknown }) {
    super(
      'password_required',
      {
        source,
        problem: wrongPassword
          ? 'The password given for this encrypted PDF is incorrect.'
          : 'This PDF is encrypted and needs a password to open.',
        fix:
          "Retry the job with its password: enter it in the job's detail view, or run " +
          'kai retry JOB_ID --password PASSWORD.',
      },
      options,
    );
    this.wrongPassword = wrongPassword;
  }
}

export class TransientError extends Error {
  override name = 'TransientError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Set when a job is cancelled while it runs; the runner stops without recording a failure. */
export class JobCancelledError extends Error {
  override name = 'JobCancelledError';

  constructor(jobId: string) {
    super(`Job ${jobId} was cancelled.`);
  }
}

export function isRetryable(error: unknown): boolean {
  return !(error instanceof InputError) && !(error instanceof JobCancelledError);
}

/** Returns the stable machine-readable code of an error, `internal` for bugs. */
export function errorCode(error: unknown): string {
  if (error instanceof InputError || error instanceof TransientError) return error.code;
  if (error instanceof JobCancelledError) return 'cancelled';
  return 'internal';
}
