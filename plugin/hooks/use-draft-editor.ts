/**
 * Binds one `DraftController` to a component: loads the draft on mount, re-renders on every
 * change, and sends unsaved work with `keepalive` when the EHR hides or unloads the frame (a
 * clinician who closes the panel mid-sentence loses nothing).
 *
 * @module
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client.ts';
import { createDraftApi } from '../api/draft-api.ts';
import {
  createDraftController,
  type DraftController,
  type DraftControllerDeps,
  type DraftSnapshot,
} from '../draft-controller.ts';

export type DraftEditorOptions = Pick<DraftControllerDeps, 'autosaveDelayMs' | 'retryDelaysMs'>;

export function useDraftEditor(
  client: ApiClient,
  onSessionOver: () => void,
  options: DraftEditorOptions = {},
): [DraftSnapshot, DraftController] {
  const sessionOver = useRef(onSessionOver);
  sessionOver.current = onSessionOver;
  const { autosaveDelayMs, retryDelaysMs } = options;
  const controller = useMemo(
    () =>
      createDraftController({
        api: createDraftApi(client),
        onSessionOver: () => sessionOver.current(),
        ...(autosaveDelayMs === undefined ? {} : { autosaveDelayMs }),
        ...(retryDelaysMs ? { retryDelaysMs } : {}),
      }),
    [client, autosaveDelayMs, retryDelaysMs],
  );
  const [snapshot, setSnapshot] = useState(controller.snapshot);

  useEffect(() => {
    const unsubscribe = controller.subscribe(setSnapshot);
    void controller.load();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') controller.flushOnExit();
    };
    const onPageHide = () => controller.flushOnExit();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      controller.flushOnExit();
      unsubscribe();
      controller.dispose();
    };
  }, [controller]);

  return [snapshot, controller];
}
