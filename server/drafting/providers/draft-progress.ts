/**
 * Turns a model's growing JSON answer into progress the editor can show: each sentence once its
 * `"text"` string is complete, with the section key it belongs to. Raw JSON fragments mean
 * nothing to a clinician; whole sentences do. Scans are throttled (the answer grows a token at a
 * time) and a final `flush` reports what the last tick missed.
 *
 * @module
 */
import type { DraftProgress } from '../provider.ts';
import { stripReasoning } from './model-output.ts';

const FIELD = /"(key|text)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

export interface ProgressReporter {
  /** Called with the whole answer so far; scans at most once per interval. */
  update(textSoFar: string): void;
  /** Scans now (the answer is complete). */
  flush(textSoFar: string): void;
}

function decode(raw: string): string | undefined {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}

export function createProgressReporter(
  onProgress: (progress: DraftProgress) => void,
  intervalMs = 100,
  now: () => number = Date.now,
): ProgressReporter {
  let emitted = 0;
  let lastScan = -Infinity;

  const scan = (textSoFar: string) => {
    lastScan = now();
    let section: string | undefined;
    let seen = 0;
    for (const match of stripReasoning(textSoFar).matchAll(FIELD)) {
      const value = decode(match[2] ?? '');
      if (value === undefined) continue;
      if (match[1] === 'key') {
        section = value;
      } else if (++seen > emitted) {
        emitted = seen;
        onProgress(section === undefined ? { text: value } : { section, text: value });
      }
    }
  };

  return {
    update(textSoFar) {
      if (now() - lastScan >= intervalMs) scan(textSoFar);
    },
    flush: scan,
  };
}
