/**
 * The sandbox EHR in a process of its own, for the load benchmark: the EHR's FHIR reads then
 * compete with the companion server only for CPU, not for one event loop. Started with `fork`;
 * says `ready` with its URL and the registration RevenuePilot needs, registers RevenuePilot when
 * told the server's URL, answers how late its event loop ran, and exits when told to close or when its parent goes away.
 *
 * @module
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  companionAppRegistration,
  sandboxEhrRegistration,
} from '../../fhir-fixtures/sandbox/companion-app.ts';
import { startSandbox } from '../../fhir-fixtures/sandbox/create-sandbox.ts';
import type { SandboxMessage, SandboxRequest } from './process-messages.ts';

const send = (message: SandboxMessage): void => {
  process.send?.(message);
};

const sandbox = await startSandbox({ port: 0 });
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

process.on('message', (message: SandboxRequest) => {
  switch (message.type) {
    case 'register-app': {
      const app = companionAppRegistration(message.companionUrl);
      sandbox.state.apps.set(app.clientId, app);
      send({ type: 'registered' });
      break;
    }
    case 'loop-delay':
      send({
        type: 'loop-delay',
        p99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
        maxMs: Math.round(loopDelay.max / 1e5) / 10,
      });
      loopDelay.reset();
      break;
    case 'close':
      void sandbox.close().then(() => process.exit(0));
      break;
  }
});
process.on('disconnect', () => process.exit(0));

send({ type: 'ready', url: sandbox.url, registration: sandboxEhrRegistration(sandbox.state) });
