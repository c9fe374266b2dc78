/** Awaits a promise that must reject with an ImportError and returns the error: shared by the import tests. */
import { expect } from 'vitest';
import { ImportError } from '../../main/import/formats/index.js';

export async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}
