import type { Result } from '../../contract/result.ts';

/** Returns a result's value, or throws with its error code and message so tests show why. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
