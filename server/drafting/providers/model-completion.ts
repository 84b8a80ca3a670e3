/**
 * The seam between how a note is drafted with a model (prompting, windows, section groups, repair:
 * {@link ./model-drafting.ts}) and how one model is asked one thing (an OpenAI-compatible HTTP
 * server, or node-llama-cpp in process). Each provider supplies one `CompleteFn`.
 *
 * @module
 */

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface CompletionRequest {
  readonly messages: readonly ChatMessage[];
  /** The template section keys this call drafts; the provider builds its JSON schema from them. */
  readonly sectionKeys: readonly string[];
  readonly signal?: AbortSignal;
  /** Called with the whole answer so far whenever more of it arrives. */
  readonly onText?: (textSoFar: string) => void;
}

/** `length`: the model stopped at its token limit, so the answer is cut off. */
export type FinishReason = 'stop' | 'length' | 'other';

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface Completion {
  readonly text: string;
  readonly finishReason: FinishReason;
  readonly usage?: TokenUsage;
}

export type CompleteFn = (request: CompletionRequest) => Promise<Completion>;
