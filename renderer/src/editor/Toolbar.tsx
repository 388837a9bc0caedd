import { useEditorState, type Editor } from '@tiptap/react';
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { EDITOR_COMMANDS, editorCommandHint, type EditorCommandId } from '../../../shared/editorCommands';
import { EDITOR_ACTIONS, canRun, runAction } from './editorActions';

interface ToolButton {
  id: EditorCommandId;
  /** What the button shows; its accessible name is the command's label. */
  text: string;
}

interface ToolGroup {
  label: string;
  buttons: ToolButton[];
  /** Shown only while the caret is in a table. */
  inTableOnly?: boolean;
}

const GROUPS: ToolGroup[] = [
  {
    label: 'Text',
    buttons: [
      { id: 'editor.bold', text: 'B' },
      { id: 'editor.italic', text: 'I' },
      { id: 'editor.underline', text: 'U' },
      { id: 'editor.strike', text: 'S' },
      { id: 'editor.highlight', text: '▮' },
      { id: 'editor.code', text: '</>' },
      { id: 'editor.link', text: '🔗' },
    ],
  },
  {
    label: 'Paragraph',
    buttons: [
      { id: 'editor.heading2', text: 'H2' },
      { id: 'editor.heading3', text: 'H3' },
      { id: 'editor.heading4', text: 'H4' },
      { id: 'editor.blockquote', text: '“' },
      { id: 'editor.codeBlock', text: '{ }' },
    ],
  },
  {
    label: 'Lists',
    buttons: [
      { id: 'editor.bulletList', text: '•' },
      { id: 'editor.orderedList', text: '1.' },
      { id: 'editor.taskList', text: '☑' },
    ],
  },
  {
    label: 'Insert',
    buttons: [
      { id: 'editor.insertTable', text: '▦' },
      { id: 'editor.horizontalRule', text: '―' },
    ],
  },
  {
    label: 'Table',
    inTableOnly: true,
    buttons: [
      { id: 'editor.addRowAfter', text: '+row' },
      { id: 'editor.addColumnAfter', text: '+col' },
      { id: 'editor.deleteRow', text: '−row' },
      { id: 'editor.deleteColumn', text: '−col' },
      { id: 'editor.deleteTable', text: '✕▦' },
    ],
  },
  {
    label: 'History',
    buttons: [
      { id: 'editor.undo', text: '↶' },
      { id: 'editor.redo', text: '↷' },
    ],
  },
];

interface ToolbarProps {
  editor: Editor;
  /** Whether Mod is Cmd, for the shortcuts the buttons show. */
  mac: boolean;
  /** The editing area's name, which the toolbar's takes after. */
  label: string;
  /** Link… asks for the address in the editor's link box. */
  onLink: () => void;
}

/**
 * The formatting toolbar, in groups. One tab stop for all of it (roving tabindex): Tab enters at the last button
 * used, the arrow keys, Home and End move along. Each button is named by its command and shows its shortcut in its
 * tooltip; the buttons that toggle say whether the selection has what they toggle. Buttons that cannot act here
 * (Undo with nothing to undo) say so and do nothing, but stay reachable.
 */
export const Toolbar = memo(function Toolbar({ editor, mac, label, onLink }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor }) => ({
      inTable: editor.isActive('table'),
      active: Object.fromEntries(
        Object.entries(EDITOR_ACTIONS).flatMap(([id, action]) => (action.isActive ? [[id, action.isActive(editor)]] : [])),
      ) as Partial<Record<EditorCommandId, boolean>>,
      canUndo: canRun(editor, 'editor.undo'),
      canRedo: canRun(editor, 'editor.redo'),
    }),
  });
  const groups = GROUPS.filter((group) => !group.inTableOnly || state.inTable);
  const buttons = groups.flatMap((group) => group.buttons);
  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = Math.min(current, buttons.length - 1);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowRight' ? (tabStop >= last ? 0 : tabStop + 1)
      : event.key === 'ArrowLeft' ? (tabStop <= 0 ? last : tabStop - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    refs.current[next]?.focus();
  };

  const unavailable = (id: EditorCommandId) => (id === 'editor.undo' && !state.canUndo) || (id === 'editor.redo' && !state.canRedo);
  const press = (id: EditorCommandId) => {
    if (id === 'editor.link') onLink();
    else if (!unavailable(id)) runAction(editor, id);
  };

  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label={`Formatting for ${label}`} onKeyDown={move}>
      {groups.map((group) => (
        <div key={group.label} role="group" aria-label={group.label} className="toolbar-group">
          {group.buttons.map(({ id, text }) => {
            const at = index++;
            const active = state.active[id];
            return (
              <button
                key={id}
                ref={(button) => {
                  refs.current[at] = button;
                }}
                type="button"
                className="quiet"
                aria-label={EDITOR_COMMANDS[id].label}
                {...editorCommandHint(id, mac)}
                aria-pressed={active}
                aria-disabled={unavailable(id) || undefined}
                tabIndex={at === tabStop ? 0 : -1}
                onFocus={() => setCurrent(at)}
                // The text keeps its selection: a click on a button does not take the focus from it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => press(id)}
              >
                <span aria-hidden="true">{text}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
});
