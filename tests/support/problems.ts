import { isStoryfeedError, type StoryfeedError } from '../../src/errors.js';

/** The `StoryfeedError` that `run` throws; any other error is thrown on, and no error at all fails. */
export function problemOf(run: () => unknown): StoryfeedError {
  try {
    run();
  } catch (error) {
    if (isStoryfeedError(error)) return error;
    throw error;
  }
  throw new Error('no error');
}
