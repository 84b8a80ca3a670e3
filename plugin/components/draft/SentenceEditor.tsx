/**
 * The small box that edits one sentence in place (or types a new one): Enter or leaving the box
 * keeps the text, Shift+Enter breaks the line, Escape puts everything back.
 *
 * @module
 */
import { useEffect, useRef } from 'preact/hooks';

interface SentenceEditorProps {
  readonly initial: string;
  readonly label: string;
  readonly onCommit: (text: string) => void;
  readonly onCancel: () => void;
}

export function SentenceEditor({ initial, label, onCommit, onCancel }: SentenceEditorProps) {
  const box = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (keep) onCommit(box.current?.value ?? initial);
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  };
  return (
    <textarea
      ref={box}
      class="rp-sentence-edit"
      aria-label={label}
      aria-describedby="rp-sentence-edit-help"
      defaultValue={initial}
      rows={2}
      maxLength={2000}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}

/** Said once per page, referenced by every editor. */
export function SentenceEditorHelp() {
  return (
    <p id="rp-sentence-edit-help" class="rp-sr-only">
      Enter keeps the change, Escape cancels.
    </p>
  );
}
