/**
 * The sandbox EHR in a process of its own, for the load benchmark: the EHR's FHIR reads then
 * compete with the companion server only for CPU, not for one event loop. Started with `fork`;
 * says `ready` with its URL and the registration RevenuePilot needs, registers RevenuePilot when
 * told the server's URL, and exits when told to close or when its parent goes away.
 *
 * @module
 */
import {
  companionAppRegistration,
  sandboxEhrRegistration,
} from '../../fhir-fixtures/sandbox/companion-app.ts';
import { startSandbox } from '../../fhir-fixtures/sandbox/create-sandbox.ts';
import type { SandboxMessage, SandboxRequest } from './sandbox-messages.ts';

const send = (message: SandboxMessage): void => {
  process.send?.(message);
};

const sandbox = await startSandbox({ port: 0 });

process.on('message', (message: SandboxRequest) => {
  switch (message.type) {
    case 'register-app': {
      const app = companionAppRegistration(message.companionUrl);
      sandbox.state.apps.set(app.clientId, app);
      send({ type: 'registered' });
      break;
    }
    case 'close':
      void sandbox.close().then(() => process.exit(0));
      break;
  }
});
process.on('disconnect', () => process.exit(0));

send({ type: 'ready', url: sandbox.url, registration: sandboxEhrRegistration(sandbox.state) });
