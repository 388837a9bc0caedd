import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fold } from '../search/fold';
import './commandPalette.css';

export interface PaletteItem {
  id: string;
  label: string;
  /** As the researcher's system writes it ("Ctrl+K", "⌘K"), or null. */
  shortcut: string | null;
  /** The same for `aria-keyshortcuts`. */
  ariaKeyShortcuts: string | null;
}

interface CommandPaletteProps {
  /** The commands that can run here; only these are offered. */
  items: readonly PaletteItem[];
  /** Said when there is no command at all to offer. */
  emptyMessage: string;
  onChoose(id: string): void;
  onClose(): void;
}

/** Whether every word typed appears in the label, ignoring case and accents: "go ent" finds "Go to Entities". */
export function matchesFilter(label: string, filter: string): boolean {
  const folded = fold(label);
  return fold(filter)
    .split(/\s+/)
    .every((word) => folded.includes(word));
}

/**
 * The command palette: a modal dialog with a filter box over the list of commands. Typing filters, Up and Down move
 * (wrapping), Enter or a click runs the chosen one, Escape closes; the focus goes back to where it was.
 */
export function CommandPalette({ items, emptyMessage, onChoose, onClose }: CommandPaletteProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const filterBox = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;
  const shown = useMemo(() => items.filter((item) => matchesFilter(item.label, filter)), [items, filter]);
  const current = Math.min(active, shown.length - 1);

  // In the layout phase, so the focus is back where it was as soon as the palette is gone.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    element.showModal();
    filterBox.current?.focus();
    return () => {
      element.close();
      opener?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!shown.length) return;
      const last = shown.length - 1;
      setActive(event.key === 'ArrowDown' ? (current >= last ? 0 : current + 1) : current <= 0 ? last : current - 1);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : shown.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = shown[current];
      if (item) onChoose(item.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const status = !items.length
    ? emptyMessage
    : !shown.length
      ? `No command matches “${filter.trim()}”.`
      : `${shown.length} ${shown.length === 1 ? 'command' : 'commands'}`;

  return (
    <dialog
      ref={dialog}
      className="command-palette"
      aria-label="Commands"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // A click on the backdrop lands on the dialog itself, outside its box.
      onMouseDown={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        const outside =
          event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
        if (event.target === event.currentTarget && outside) onClose();
      }}
    >
      <input
        type="text"
        role="combobox"
        aria-label="Filter commands"
        placeholder="Type to filter commands"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        ref={filterBox}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="command-list">
        {shown.map((item, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            aria-keyshortcuts={item.ariaKeyShortcuts ?? undefined}
            onClick={() => onChoose(item.id)}
            onMouseMove={() => setActive(index)}
          >
            <span>{item.label}</span>
            {item.shortcut && <kbd>{item.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      <p role="status" className="muted small">
        {status}
      </p>
    </dialog>
  );
}
