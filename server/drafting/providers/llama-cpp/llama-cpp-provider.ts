/**
 * The `llama-cpp` drafting provider: a local GGUF model run in process by node-llama-cpp, its
 * output constrained by a grammar built from the same draft schema the HTTP provider sends. The
 * module and the model load on the first draft (not at start-up), once; calls run one at a time
 * because a context has one sequence. Missing pieces raise `model_unavailable` with the fix,
 * and the drafting method (windows, repair, per-section retry) is the shared one.
 *
 * @module
 */
import { basename } from 'node:path';
import { AppError } from '../../../errors/app-error.ts';
import type { Logger } from '../../../observability/logger.ts';
import type { DraftingProvider } from '../../provider.ts';
import { draftJsonSchema } from '../draft-json-schema.ts';
import type { CompleteFn, FinishReason } from '../model-completion.ts';
import { draftWithModel } from '../model-drafting.ts';
import { modelUnavailable } from '../model-errors.ts';
import {
  llamaCppAvailability,
  loadLlamaModule,
  modelFileProblem,
  type LlamaCppLocation,
  type ProviderAvailability,
} from './llama-cpp-availability.ts';
import type {
  LlamaChatHistoryItem,
  LlamaChatSessionLike,
  LlamaContextLike,
  LlamaLike,
  LlamaModelLike,
  NodeLlamaCppModule,
} from './llama-module.ts';

export interface LlamaCppProviderOptions extends LlamaCppLocation {
  /** Tokens of context. Default 8192. */
  readonly contextSize?: number;
  /** Serialized input segments per call. Default: 1.5 characters per context token. */
  readonly maxInputChars?: number;
  /** Default: a third of the context. */
  readonly maxOutputTokens?: number;
  readonly maxSectionsPerCall?: number;
  readonly log?: Logger;
}

export interface LlamaCppProvider extends DraftingProvider {
  availability(): Promise<ProviderAvailability>;
  /** Frees the model and its context (server shutdown). */
  close(): Promise<void>;
}

interface Loaded {
  readonly module: NodeLlamaCppModule;
  readonly llama: LlamaLike;
  readonly model: LlamaModelLike;
  readonly context: LlamaContextLike;
}

function toFinishReason(stopReason: string): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  return stopReason === 'eogToken' || stopReason === 'stopGenerationTrigger' ? 'stop' : 'other';
}

export function createLlamaCppProvider(options: LlamaCppProviderOptions): LlamaCppProvider {
  const contextSize = options.contextSize ?? 8192;
  const maxOutputTokens = options.maxOutputTokens ?? Math.floor(contextSize / 3);
  const modelName = options.modelPath ? basename(options.modelPath) : undefined;
  const log = options.log?.child({ provider: 'llama-cpp', model: modelName });
  const grammars = new Map<string, Promise<unknown>>();
  let loading: Promise<Loaded> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Loaded> => {
    const fileProblem = await modelFileProblem(options.modelPath);
    if (fileProblem) throw new AppError('model_unavailable', fileProblem);
    const loaded = await loadLlamaModule(options.loadModule);
    if (!loaded.ok) throw new AppError('model_unavailable', loaded.reason, { cause: loaded.cause });
    const started = Date.now();
    try {
      const llama = await loaded.module.getLlama();
      const model = await llama.loadModel({ modelPath: options.modelPath as string });
      const context = await model.createContext({ contextSize });
      log?.info('local model loaded', { contextSize, durationMs: Date.now() - started });
      return { module: loaded.module, llama, model, context };
    } catch (cause) {
      throw modelUnavailable('the local model could not be loaded', cause);
    }
  };

  const ensureLoaded = (): Promise<Loaded> => {
    // A failed load is forgotten, so installing the package or the file fixes it without a restart.
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };

  const grammarFor = (llama: LlamaLike, keys: readonly string[]) => {
    const id = keys.join('\n');
    let grammar = grammars.get(id);
    if (!grammar) {
      grammar = llama.createGrammarForJsonSchema(draftJsonSchema(keys, 'gbnf'));
      grammars.set(id, grammar);
    }
    return grammar;
  };

  const completeNow: CompleteFn = async (request) => {
    request.signal?.throwIfAborted();
    const { module, llama, context } = await ensureLoaded();
    const [system, ...turns] = request.messages;
    const last = turns.pop();
    if (system?.role !== 'system' || last?.role !== 'user')
      throw new Error('expected system … user messages');
    let session: LlamaChatSessionLike | undefined;
    try {
      const grammar = await grammarFor(llama, request.sectionKeys);
      session = new module.LlamaChatSession({
        contextSequence: context.getSequence(),
        systemPrompt: system.content,
        autoDisposeSequence: true,
      });
      if (turns.length > 0) {
        const history: LlamaChatHistoryItem[] = [{ type: 'system', text: system.content }];
        for (const turn of turns) {
          history.push(
            turn.role === 'assistant'
              ? { type: 'model', response: [turn.content] }
              : { type: 'user', text: turn.content },
          );
        }
        session.setChatHistory(history);
      }
      let soFar = '';
      const answer = await session.promptWithMeta(last.content, {
        grammar,
        temperature: 0,
        maxTokens: maxOutputTokens,
        signal: request.signal,
        onTextChunk: (chunk) => {
          soFar += chunk;
          request.onText?.(soFar);
        },
      });
      return { text: answer.responseText, finishReason: toFinishReason(answer.stopReason) };
    } catch (err) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw modelUnavailable('the local model stopped with an error', err);
    } finally {
      session?.dispose();
    }
  };

  // One call at a time: the context has a single sequence.
  const complete: CompleteFn = (request) => {
    const run = queue.then(() => completeNow(request));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    name: 'llama-cpp',
    availability: () => llamaCppAvailability(options),
    async draft(request, call) {
      const result = await draftWithModel(
        request,
        {
          complete,
          maxInputChars: options.maxInputChars ?? Math.floor(contextSize * 1.5),
          maxSectionsPerCall: options.maxSectionsPerCall,
          log,
        },
        call,
      );
      return { draft: result.draft, ...(modelName ? { model: modelName } : {}) };
    },
    async close() {
      const current = loading;
      loading = undefined;
      grammars.clear();
      const loaded = await current?.catch(() => undefined);
      if (!loaded) return;
      await loaded.context.dispose();
      await loaded.model.dispose();
      await loaded.llama.dispose?.();
    },
  };
}
