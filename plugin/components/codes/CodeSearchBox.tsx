/**
 * ICD-10-CM typeahead, keyboard first (the WAI-ARIA combobox pattern with a listbox popup): type a
 * code, words or an abbreviation (`E11.6`, `otitis media left`, `HTN`); the search runs once
 * typing pauses, and a newer search cancels an older one. ↓/↑ move through the codes, Enter takes
 * the highlighted one, Escape closes the list (a second Escape clears the text), Tab leaves.
 * Category headers are listed, marked "header, not billable", and cannot be taken: only billable
 * codes are reported. A polite status line says how many codes were found, or what went wrong.
 *
 * @module
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { CodeSearchHit } from '../../../server/contract/coding.ts';
import { ApiError, isSessionOver, type ApiClient } from '../../api/client.ts';
import { createCodeSearchApi } from '../../api/code-search-api.ts';

export interface CodeSearchBoxProps {
  readonly client: ApiClient;
  /** Called with a billable code the person chose. */
  readonly onSelect: (hit: CodeSearchHit) => void;
  readonly label?: string;
  readonly limit?: number;
  /** The pause after the last keystroke before searching. */
  readonly debounceMs?: number;
  /** The launch's session ended: the app asks for a relaunch. */
  readonly onSessionOver?: (error: ApiError) => void;
}

/** Fewer characters than this match too much to be worth a round trip. */
export const MIN_QUERY_CHARS = 2;
const MAX_QUERY_CHARS = 100;

type Search =
  | { readonly kind: 'idle' }
  | { readonly kind: 'searching' }
  | { readonly kind: 'done'; readonly query: string; readonly hits: readonly CodeSearchHit[] }
  | { readonly kind: 'failed'; readonly message: string };

function statusOf(search: Search): string {
  switch (search.kind) {
    case 'idle':
      return '';
    case 'searching':
      return 'Searching…';
    case 'failed':
      return search.message;
    case 'done': {
      if (search.hits.length === 0) return `No ICD-10-CM codes match “${search.query}”.`;
      const billable = search.hits.filter((h) => h.billable).length;
      return `${search.hits.length} codes, ${billable} billable. Use the arrow keys to choose.`;
    }
  }
}

export function CodeSearchBox({
  client,
  onSelect,
  label = 'Search ICD-10-CM codes',
  limit = 20,
  debounceMs = 150,
  onSessionOver,
}: CodeSearchBoxProps) {
  const api = useMemo(() => createCodeSearchApi(client), [client]);
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ kind: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  /** The text a choice just put in the box: not a new search. */
  const chosen = useRef<string | undefined>(undefined);
  // The latest callback, without restarting a search when the parent passes a new function.
  const sessionOver = useRef(onSessionOver);
  sessionOver.current = onSessionOver;
  const hits = search.kind === 'done' ? search.hits : [];
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => {
    const query = text.trim();
    if (chosen.current === text) return undefined;
    chosen.current = undefined;
    if (query.length < MIN_QUERY_CHARS) {
      setSearch({ kind: 'idle' });
      setOpen(false);
      return undefined;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setSearch({ kind: 'searching' });
      api.search(query, { limit, signal: abort.signal }).then(
        (result) => {
          if (abort.signal.aborted) return;
          setSearch({ kind: 'done', query, hits: result.hits });
          setActive(-1);
          setOpen(result.hits.length > 0);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          const failure = error instanceof ApiError ? error : new ApiError('internal', 'Search failed.', 0);
          if (isSessionOver(failure)) sessionOver.current?.(failure);
          setSearch({ kind: 'failed', message: failure.message });
          setOpen(false);
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, api, limit, debounceMs]);

  useEffect(() => {
    if (open && active >= 0)
      document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active]);

  function choose(hit: CodeSearchHit) {
    if (!hit.billable) {
      setNotice(`${hit.code} is a category header, not billable: choose a code under it.`);
      return;
    }
    chosen.current = hit.code;
    setText(hit.code);
    setOpen(false);
    setActive(-1);
    setNotice(`${hit.code} ${hit.description} chosen.`);
    onSelect(hit);
  }

  function onKeyDown(event: KeyboardEvent) {
    const count = hits.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        setActive(open ? (active + 1) % count : 0);
        setOpen(true);
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setActive(open ? (active <= 0 ? count - 1 : active - 1) : count - 1);
        setOpen(true);
        break;
      case 'Enter': {
        const hit = open ? hits[active] : undefined;
        if (!hit) return;
        event.preventDefault();
        choose(hit);
        break;
      }
      case 'Escape':
        event.preventDefault();
        if (open) setOpen(false);
        else setText('');
        setNotice(undefined);
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  const showList = open && hits.length > 0;
  return (
    <div class="rp-code-search" data-testid="code-search">
      <label for={`${id}-input`} class="rp-field-label">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        maxLength={MAX_QUERY_CHARS}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setNotice(undefined);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <span id={`${id}-hint`} class="rp-sr-only">
        A code, words or an abbreviation such as HTN.
      </span>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="ICD-10-CM codes"
        class="rp-code-search-list"
        hidden={!showList}
      >
        {hits.map((hit, i) => (
          <li
            key={hit.code}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            aria-disabled={hit.billable ? undefined : true}
            data-billable={hit.billable}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setActive(i);
              choose(hit);
            }}
          >
            <span class="rp-code">{hit.code}</span> {hit.description}
            {!hit.billable && <span class="rp-tag">header, not billable</span>}
          </li>
        ))}
      </ul>
      <p role="status" class="rp-small rp-muted rp-code-search-status">
        {notice ?? statusOf(search)}
      </p>
    </div>
  );
}
