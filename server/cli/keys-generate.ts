/**
 * Entry for `npm run --silent keys:generate`: prints a new private JWKS (one RS384 and one ES384
 * key) for `CLIENT_JWKS`. Store the output as a secret (e.g. `> client-jwks.json`, mounted and
 * named by CLIENT_JWKS_FILE); the server publishes the public half at /.well-known/jwks.json.
 *
 * @module
 */
import { generateClientKeys } from '../keys/client-keys.ts';

process.stdout.write(await generateClientKeys());
