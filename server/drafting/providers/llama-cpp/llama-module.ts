/**
 * The part of node-llama-cpp (v3) the local provider uses, typed here because the package is
 * optional and usually not installed: `getLlama`, `loadModel`, `createContext`,
 * `LlamaChatSession.promptWithMeta` and `createGrammarForJsonSchema`. `loadNodeLlamaCpp` imports
 * it on first use and checks its shape, so a missing or incompatible install becomes a clear
 * "unavailable" instead of a crash at start-up.
 *
 * Why not a dependency: its install pulls prebuilt llama.cpp binaries per platform (and CUDA or
 * Vulkan variants) and runs a postinstall step; most deployments use a model server instead.
 * package.json lists it as an optional peer dependency, which npm does not install by itself.
 *
 * @module
 */

export type LlamaChatHistoryItem =
  | { readonly type: 'system'; readonly text: string }
  | { readonly type: 'user'; readonly text: string }
  | { readonly type: 'model'; readonly response: readonly string[] };

export interface LlamaPromptOptions {
  readonly grammar: unknown;
  readonly temperature: number;
  readonly maxTokens: number;
  readonly signal?: AbortSignal;
  readonly onTextChunk?: (text: string) => void;
}

export interface LlamaChatSessionLike {
  setChatHistory(history: LlamaChatHistoryItem[]): void;
  promptWithMeta(
    prompt: string,
    options: LlamaPromptOptions,
  ): Promise<{ readonly responseText: string; readonly stopReason: string }>;
  dispose(): void;
}

export interface LlamaContextLike {
  getSequence(): unknown;
  dispose(): Promise<void> | void;
}

export interface LlamaModelLike {
  createContext(options: { readonly contextSize?: number }): Promise<LlamaContextLike>;
  dispose(): Promise<void> | void;
}

export interface LlamaLike {
  loadModel(options: { readonly modelPath: string }): Promise<LlamaModelLike>;
  createGrammarForJsonSchema(schema: object): Promise<unknown>;
  dispose?(): Promise<void> | void;
}

export interface NodeLlamaCppModule {
  getLlama(): Promise<LlamaLike>;
  LlamaChatSession: new (options: {
    readonly contextSequence: unknown;
    readonly systemPrompt?: string;
    readonly autoDisposeSequence?: boolean;
  }) => LlamaChatSessionLike;
}

/** A variable, so bundlers and the type checker do not try to resolve the optional package. */
const PACKAGE = 'node-llama-cpp';

export function importNodeLlamaCpp(): Promise<unknown> {
  return import(/* @vite-ignore */ PACKAGE) as Promise<unknown>;
}

export function isNodeLlamaCppModule(value: unknown): value is NodeLlamaCppModule {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<Record<keyof NodeLlamaCppModule, unknown>>;
  return typeof candidate.getLlama === 'function' && typeof candidate.LlamaChatSession === 'function';
}
