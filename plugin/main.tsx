/**
 * Entry point: read the launch (boot element or `/app/?launch=`), make the one API client that
 * holds the session token in memory, and render the shell.
 *
 * @module
 */
import { render } from 'preact';
import { createApiClient } from './api/client.ts';
import { readBoot } from './boot.ts';
import { App } from './components/App.tsx';

const boot = readBoot(document, window.history);
const root = document.getElementById('app');
if (root) render(<App client={boot ? createApiClient(boot) : null} />, root);
