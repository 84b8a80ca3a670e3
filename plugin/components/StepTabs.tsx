/**
 * The clinician's steps (Context, Draft, and later Codes and Sign & send) as an ARIA tablist:
 * one Tab stop, arrow keys, Home and End move between steps, and Alt+<number> jumps to one from
 * anywhere. The panels themselves belong to the caller (`tabPanelProps`).
 *
 * @module
 */
import { useRef } from 'preact/hooks';

export interface StepTab {
  readonly id: string;
  readonly label: string;
  /** The digit of its Alt shortcut. */
  readonly key: string;
}

interface StepTabsProps {
  readonly tabs: readonly StepTab[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
}

export const tabId = (id: string) => `rp-tab-${id}`;
export const panelId = (id: string) => `rp-panel-${id}`;

/** The attributes of the panel a tab controls. */
export function tabPanelProps(id: string, selected: string) {
  return {
    id: panelId(id),
    role: 'tabpanel' as const,
    'aria-labelledby': tabId(id),
    hidden: id !== selected,
  };
}

export function StepTabs({ tabs, selected, onSelect }: StepTabsProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const to = next[event.key];
    const tab = to === undefined ? undefined : tabs[to];
    if (to === undefined || !tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current[to]?.focus();
  };
  return (
    <div class="rp-tabs" role="tablist" aria-label="Steps">
      {tabs.map((tab, index) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            role="tab"
            class="rp-tab"
            id={tabId(tab.id)}
            aria-selected={isSelected}
            aria-controls={panelId(tab.id)}
            aria-keyshortcuts={`Alt+${tab.key}`}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}{' '}
            <kbd aria-hidden="true" class="rp-kbd">
              Alt+{tab.key}
            </kbd>
          </button>
        );
      })}
    </div>
  );
}
