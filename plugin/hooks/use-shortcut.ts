/**
 * A single-key shortcut for the whole page (`r` refreshes the chart), ignored while the person
 * is typing in a field or holding a modifier, so it never steals a keystroke meant for text or
 * for the browser/EHR.
 *
 * @module
 */
import { useEffect } from 'preact/hooks';

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}

export function useShortcut(key: string, action: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [key, action, enabled]);
}
