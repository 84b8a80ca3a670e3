/**
 * Whether the local llama.cpp provider can run here, and if not, why in words an admin can act
 * on: node-llama-cpp not installed, no model path, or the GGUF file missing. The UI shows the
 * reason beside the greyed-out provider; the rest of the app keeps working either way.
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { importNodeLlamaCpp, isNodeLlamaCppModule, type NodeLlamaCppModule } from './llama-module.ts';

export interface ProviderAvailability {
  readonly available: boolean;
  /** Set when unavailable: what is missing and how to fix it. */
  readonly reason?: string;
}

export const NEEDS_NODE_LLAMA_CPP =
  'Local model provider needs node-llama-cpp: run `npm install node-llama-cpp` and set LLAMA_MODEL_PATH to a .gguf file';

export interface LlamaCppLocation {
  readonly modelPath?: string;
  /** Imports node-llama-cpp; injected by tests. */
  readonly loadModule?: () => Promise<unknown>;
}

/** Why the model file cannot be used, or undefined when it can. */
export async function modelFileProblem(modelPath: string | undefined): Promise<string | undefined> {
  if (!modelPath) return NEEDS_NODE_LLAMA_CPP;
  if (!modelPath.toLowerCase().endsWith('.gguf')) return 'LLAMA_MODEL_PATH must name a .gguf model file.';
  try {
    if ((await stat(modelPath)).isFile()) return undefined;
  } catch {
    // reported below
  }
  return `The local model file ${basename(modelPath)} was not found: set LLAMA_MODEL_PATH to a .gguf file on this server.`;
}

export type ModuleLoad =
  | { readonly ok: true; readonly module: NodeLlamaCppModule }
  | { readonly ok: false; readonly reason: string; readonly cause?: unknown };

export async function loadLlamaModule(loadModule = importNodeLlamaCpp): Promise<ModuleLoad> {
  let loaded: unknown;
  try {
    loaded = await loadModule();
  } catch (cause) {
    return { ok: false, reason: NEEDS_NODE_LLAMA_CPP, cause };
  }
  if (!isNodeLlamaCppModule(loaded)) {
    return {
      ok: false,
      reason: 'The installed node-llama-cpp is not a supported version: version 3 is needed.',
    };
  }
  return { ok: true, module: loaded };
}

/** Checks the file and the module without loading the model (cheap enough for a status page). */
export async function llamaCppAvailability(location: LlamaCppLocation): Promise<ProviderAvailability> {
  const fileProblem = await modelFileProblem(location.modelPath);
  if (fileProblem) return { available: false, reason: fileProblem };
  const load = await loadLlamaModule(location.loadModule);
  return load.ok ? { available: true } : { available: false, reason: load.reason };
}
