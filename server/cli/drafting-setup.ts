/**
 * What the drafting command lines share: the drafting settings from the environment (the server's
 * secrets are not needed) and the providers they allow, or the settings' problems printed.
 *
 * @module
 */
import { loadDraftingConfig, type DraftingConfig } from '../config/config.ts';
import type { DraftingProviders } from '../drafting/drafting-providers.ts';
import { providersFromConfig } from '../drafting/providers-from-config.ts';
import { ConfigError } from '../errors/app-error.ts';
import { createLogger } from '../observability/logger.ts';

export interface CliDrafting {
  readonly config: DraftingConfig;
  readonly providers: DraftingProviders;
}

/** The providers, or undefined after printing why the settings are not valid. */
export function draftingForCli(env: NodeJS.ProcessEnv, err: (line: string) => void): CliDrafting | undefined {
  let config;
  try {
    config = loadDraftingConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err('error: the drafting settings are not valid:');
    for (const p of e.problems) err(`  ${p.key}: ${p.problem}`);
    return undefined;
  }
  const log = createLogger({ level: 'warn', write: err });
  return { config, providers: providersFromConfig(config, { log }) };
}
