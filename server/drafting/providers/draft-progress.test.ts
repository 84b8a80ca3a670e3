import { describe, expect, it } from 'vitest';
import type { DraftProgress } from '../provider.ts';
import { createProgressReporter } from './draft-progress.ts';

describe('createProgressReporter', () => {
  it('reports each completed sentence once, with its section, at most once per interval', () => {
    let clock = 0;
    const seen: DraftProgress[] = [];
    const reporter = createProgressReporter(
      (p) => seen.push(p),
      100,
      () => clock,
    );
    const answer =
      '<think>{"text": "not this"}</think>{"sections":[{"key":"hpi","sentences":[{"text":"Cough \\"dry\\".","evidence":[]},{"text":"No fever.","evidence":[]}]},{"key":"plan","sentences":[{"text":"Rest."';
    reporter.update(answer.slice(0, 90));
    expect(seen).toEqual([]);
    clock = 50;
    reporter.update(answer);
    expect(seen).toEqual([]);
    clock = 150;
    reporter.update(answer);
    expect(seen).toEqual([
      { section: 'hpi', text: 'Cough "dry".' },
      { section: 'hpi', text: 'No fever.' },
      { section: 'plan', text: 'Rest.' },
    ]);
    reporter.flush(answer);
    expect(seen).toHaveLength(3);
  });

  it('reports a sentence before any key without a section, and skips strings it cannot decode', () => {
    const seen: DraftProgress[] = [];
    const reporter = createProgressReporter((p) => seen.push(p));
    reporter.flush('{"text":"Alone.","x":1,"text":"bad \\u12"}');
    expect(seen).toEqual([{ text: 'Alone.' }]);
  });
});
