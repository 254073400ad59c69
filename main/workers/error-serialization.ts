import {
  InputError,
  JobCancelledError,
  PasswordRequiredError,
  TransientError,
} from '../jobs/job-errors.ts';
import type { SerializedError } from './worker-protocol.ts';

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const serialized: SerializedError = {
    name: error.name,
    message: error.message,
    stack: error.stack,
  };
  if (error instanceof InputError) {
    Object.assign(serialized, {
      code: error.code,
      source: error.source,
      location: error.location,
      problem: error.problem,
      fix: error.fix,
    });
    if (error instanceof PasswordRequiredError) serialized.wrongPassword = error.wrongPassword;
  } else if (error instanceof TransientError) {
    serialized.code = error.code;
  }
  return serialized;
}

/** Rebuilds the error class a worker threw, so the engine's retry rules apply to it. */
export function deserializeError(serialized: SerializedError, jobId = ''): Error {
  let error: Error;
  if (serialized.name === 'PasswordRequiredError') {
    error = new PasswordRequiredError(serialized.source ?? '', serialized.wrongPassword ?? false);
  } else if (serialized.problem !== undefined && serialized.code) {
    error = new InputError(serialized.code, {
      source: serialized.source ?? '',
      location: serialized.location,
      problem: serialized.problem,
      fix: serialized.fix ?? '',
    });
  } else if (serialized.name === 'TransientError' && serialized.code) {
    error = new TransientError(serialized.code, serialized.message);
  } else if (serialized.name === 'JobCancelledError') {
    error = new JobCancelledError(jobId);
  } else {
    error = new Error(serialized.message);
    error.name = serialized.name;
  }
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
