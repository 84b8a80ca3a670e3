/**
 * An Alt+key shortcut for the whole page (Alt+D drafts, Alt+S marks the note ready to sign). Unlike
 * the single-key shortcuts these work while typing, which is the point: Alt+D from the transcript
 * box. Matched on `event.code` (the physical key) because Alt/Option changes `event.key` on a Mac.
 *
 * @module
 */
import { useEffect, useRef } from 'preact/hooks';

/** `code` is a KeyboardEvent code: `KeyD`, `Digit2`. */
export function useAltShortcut(code: string, action: () => void, enabled = true): void {
  // Read at key time, so the key works from the very render that enables it.
  const latest = useRef({ action, enabled });
  latest.current = { action, enabled };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!latest.current.enabled || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
        return;
      if (event.code !== code || event.repeat || event.defaultPrevented) return;
      event.preventDefault();
      latest.current.action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [code]);
}
