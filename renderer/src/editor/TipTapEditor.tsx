import './editor.css';
import { useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import type { RichText } from '../../../shared/domain';
import { CaseTextContext } from './caseText';
import { connectCaseText } from './connectCaseText';
import { richTextExtensions } from './extensions';
import { SubmitOnEnter } from './extensions/submitOnEnter';
import { ImageFiles } from './extensions/attachmentImage';
import { PasteLimit } from './extensions/pasteLimit';
import { readStoredText } from './recover';

export interface RichTextEditorProps {
  /** Accessible name of the editing area. */
  label: string;
  value: RichText | null;
  onChange: (value: RichText | null) => void;
  /** Put the caret in the field when it appears (where the researcher goes on typing). */
  autoFocus?: boolean;
  /** A quick form's field: Enter sends the form it is in (Shift+Enter starts a new line), and the field starts small. */
  submitOnEnter?: boolean;
  /**
   * Keeps an image file pasted or dropped into the field and gives the address its image node shows
   * (`attachment:<id>`), or null when it was not kept (it says why itself). Without it, image files are not taken.
   * The one given when the editor appears is used for its life.
   */
  onPasteImage?: (file: File) => Promise<string | null>;
}

/** A rich-text field: what it holds is TipTap JSON, stored as is. An empty editor gives null. */
export function TipTapEditor({ label, value, onChange, autoFocus = false, submitOnEnter = false, onPasteImage }: RichTextEditorProps) {
  // A stored value the editor cannot read (damaged, or written by something else) is shown as the text it held.
  const [stored] = useState(() => readStoredText(value));
  const [recovered, setRecovered] = useState(stored.problem);
  const [pasteRefused, setPasteRefused] = useState<string | null>(null);
  // Made once: the editor keeps its extensions (and so the image keeper first given) for its life.
  const [extensions] = useState(() => [
    ...richTextExtensions,
    PasteLimit.configure({ onRefuse: setPasteRefused }),
    ...(onPasteImage ? [ImageFiles.configure({ onPasteImage })] : []),
    ...(submitOnEnter ? [SubmitOnEnter] : []),
  ]);
  const editor = useEditor({
    extensions,
    content: stored.doc ?? '',
    autofocus: autoFocus ? 'end' : false,
    editorProps: {
      attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' },
    },
    onUpdate: ({ editor }) => {
      setRecovered(null);
      setPasteRefused(null);
      onChange(editor.isEmpty ? null : (editor.getJSON() as RichText));
    },
  });
  // In a case, its mentions show the records as they are now, and `@` and `[[` find the case's records.
  const caseText = useContext(CaseTextContext);
  useEffect(() => (caseText ? connectCaseText(editor, caseText) : undefined), [editor, caseText]);
  return (
    <div className={submitOnEnter ? 'rich-text compact' : 'rich-text'}>
      {recovered && (
        <div className="recovered-text" role="alert">
          <p>
            This text could not be shown as it was stored: {recovered}. The text it held is shown below, as plain
            paragraphs.
          </p>
          <button
            type="button"
            onClick={() => {
              setRecovered(null);
              onChange(editor.isEmpty ? null : (editor.getJSON() as RichText));
            }}
          >
            Keep recovered text
          </button>
        </div>
      )}
      <Toolbar editor={editor} label={label} />
      <EditorContent editor={editor} />
      {pasteRefused && (
        <p className="paste-refused small" role="alert">
          {pasteRefused}
        </p>
      )}
    </div>
  );
}

const MARKS = [
  { name: 'bold', text: 'B', label: 'Bold', run: (editor: Editor) => editor.chain().focus().toggleBold().run() },
  { name: 'italic', text: 'I', label: 'Italic', run: (editor: Editor) => editor.chain().focus().toggleItalic().run() },
  {
    name: 'heading',
    text: 'H',
    label: 'Heading',
    attrs: { level: 2 },
    run: (editor: Editor) => editor.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    name: 'bulletList',
    text: '•',
    label: 'Bulleted list',
    run: (editor: Editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    name: 'orderedList',
    text: '1.',
    label: 'Numbered list',
    run: (editor: Editor) => editor.chain().focus().toggleOrderedList().run(),
  },
  { name: 'blockquote', text: '“', label: 'Quote', run: (editor: Editor) => editor.chain().focus().toggleBlockquote().run() },
] as const;

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const active = useEditorState({
    editor,
    selector: ({ editor }) => MARKS.map((mark) => editor.isActive(mark.name, 'attrs' in mark ? mark.attrs : undefined)),
  });
  // One tab stop for the whole toolbar (roving tabindex): Tab enters at the last button used, the arrows move along.
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = MARKS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (current >= last ? 0 : current + 1)
      : event.key === 'ArrowLeft' ? (current <= 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={`Formatting for ${label}`} onKeyDown={move}>
      {MARKS.map((mark, index) => (
        <button
          key={mark.name}
          ref={(button) => {
            buttons.current[index] = button;
          }}
          type="button"
          className="quiet"
          aria-label={mark.label}
          title={mark.label}
          aria-pressed={active[index] ?? false}
          tabIndex={index === current ? 0 : -1}
          onFocus={() => setCurrent(index)}
          onClick={() => mark.run(editor)}
        >
          {mark.text}
        </button>
      ))}
    </div>
  );
}
