import { useCallback, useRef, useState, type ComponentType, type ReactNode } from 'react';
import type { CommandId } from '../../../../../shared/commands';
import { commandHint, useCommandTarget } from '../../../commands';
import type { CommandTargets } from '../../../commands/types';
import { Deferred } from '../../../components/Deferred';

/** The reader's panels opened by a toolbar button and a command that takes no argument (suggestions, dates). */
type PanelTarget = { [K in keyof CommandTargets]-?: NonNullable<CommandTargets[K]> extends () => void ? K : never }[keyof CommandTargets];

/** What every reader panel is given: `focusRequest` changes at each opening, so it takes the focus once it is there. */
export interface ReaderPanelProps {
  focusRequest: number;
  onClose(): void;
}

export interface ReaderPanelOptions<P> {
  /** The command that opens the panel, and the target it calls in the reader. */
  command: CommandId;
  target: PanelTarget;
  /** The button's words. */
  label: string;
  /** What loads, for the message if it cannot ("the dates"). */
  what: string;
  /** Whether the document has text to work on: without, the button is disabled and the command not offered. */
  enabled: boolean;
  /** Gets the panel's worker ready while the pointer or the focus is on its way to the button. */
  prepare?: () => void;
  /** The panel (loaded on demand) and its own props. */
  Panel: ComponentType<P & ReaderPanelProps>;
  props: P;
}

/**
 * A reader panel's toggle: the toolbar button (pressed while open), the command that opens it, the focus sent into the
 * panel at each opening and back to the button when it closes. The reader places the button and the panel.
 */
export function useReaderPanel<P extends object>({ command, target, label, what, enabled, prepare, Panel, props }: ReaderPanelOptions<P>): {
  button: ReactNode;
  panel: ReactNode;
} {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const openPanel = useCallback(() => {
    setOpen(true);
    setFocusRequest((request) => request + 1);
  }, []);
  useCommandTarget(target, enabled ? openPanel : null);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const button = (
    <button
      ref={opener}
      type="button"
      aria-pressed={open}
      onClick={() => (open ? close() : openPanel())}
      onPointerEnter={prepare}
      onFocus={prepare}
      disabled={!enabled}
      {...commandHint(command)}
    >
      {label}
    </button>
  );
  const panel = open && enabled && (
    <Deferred what={what}>
      <Panel {...props} focusRequest={focusRequest} onClose={close} />
    </Deferred>
  );
  return { button, panel };
}
