/**
 * What a failed chart read means to the plugin, for every route that needs the launch's context:
 * the EHR ended the session (the launch ends here too, and the plugin asks for a relaunch), or the
 * patient's record could not be read (a 502 in our words: the EHR's message may quote PHI).
 * Anything else is not a read failure and is returned unchanged.
 *
 * @module
 */
import { FhirReadError } from '../context/fhir-reader.ts';
import { AppError } from '../errors/app-error.ts';
import { sessionExpired } from '../launch/launch-errors.ts';

export async function contextReadError(err: unknown, endSession: () => Promise<void>): Promise<unknown> {
  if (!(err instanceof FhirReadError)) return err;
  if (err.failure === 'session_expired') {
    await endSession();
    return sessionExpired();
  }
  return new AppError('ehr_unavailable', `The patient's record could not be read from the EHR. Try again.`, {
    cause: err,
  });
}
