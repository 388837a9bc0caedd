// ProseMirror's own styles (those TipTap would inject in a <style> element, which the CSP's Trusted Types refuse):
// from @tiptap/pm's ProseMirror packages, as files.
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-gapcursor/style/gapcursor.css';
import './editor.css';
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { RichText } from '../../../shared/domain';
import { CaseTextContext } from './caseText';
import { connectCaseText } from './connectCaseText';
import { richTextExtensions } from './extensions';
import { CaretBlock } from './extensions/caretBlock';
import { DrawOnce } from './extensions/drawOnce';
import { PastedContent } from './extensions/paste';
import { ImageFiles } from './extensions/attachmentImage';
import { PasteLimit } from './extensions/pasteLimit';
import { RecordDrop } from './extensions/recordDrop';
import { SubmitOnEnter } from './extensions/submitOnEnter';
import { TextEnds } from './extensions/textEnds';
import { TrailingParagraph, endingInParagraph } from './extensions/trailingParagraph';
import { WordCounting } from './extensions/wordCount';
import { LinkBar } from './LinkBar';
import { readStoredShape, recoveredText } from './recover';
import { Toolbar } from './Toolbar';
import { useEditorTarget, type EditorCommandTarget } from './useEditorTarget';
import { WordCount } from './WordCount';

export interface RichTextEditorProps {
  /** Accessible name of the editing area. */
  label: string;
  value: RichText | null;
  onChange: (value: RichText | null) => void;
  /** Put the caret in the field when it appears (where the researcher goes on typing). */
  autoFocus?: boolean;
  /** A quick form's field: Enter sends the form it is in (Shift+Enter starts a new line), and the field starts small. */
  submitOnEnter?: boolean;
  /** Show the count of words and characters under the text; shown unless the field is a quick form's. */
  showCount?: boolean;
  /**
   * Stores an image pasted into the text and gives the address to show it by, or null to leave it out. Without it,
   * pasted images are left out with a notice.
   */
  onPasteImage?: (file: File) => Promise<string | null>;
}

/** What the app gives the editor (RichTextEditor does), so the editor's code needs none of the app's at start. */
export interface EditorHost {
  /** Takes the editor's command target while the editor has the focus, and null when it goes. */
  onCommandTarget?: (target: EditorCommandTarget | null) => void;
  /** Says something to the researcher (what a paste left out). */
  notify?: (message: string) => void;
  /** Whether Mod is Cmd, for the shortcuts the toolbar shows. */
  mac?: boolean;
}

/**
 * What an empty editor opens with, as a document: TipTap would parse an empty string as HTML, which the CSP's Trusted
 * Types refuse.
 */
const EMPTY_DOCUMENT: RichText = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * The one rich-text editor: what it holds is TipTap JSON, stored as is; an empty editor gives null. The toolbar,
 * the Format menu and the palette format the text, TipTap's keymap and Markdown shortcuts as it is typed.
 */
export function TipTapEditor({
  label,
  value,
  onChange,
  autoFocus = false,
  submitOnEnter = false,
  showCount = !submitOnEnter,
  onPasteImage,
  onCommandTarget,
  notify,
  mac = false,
}: RichTextEditorProps & EditorHost) {
  // The editor is made once; its callbacks call the latest functions given.
  const latest = useRef({ onChange, onPasteImage, notify });
  useLayoutEffect(() => {
    latest.current = { onChange, onPasteImage, notify };
  });
  // A stored value the editor cannot read (damaged, or written by something else) is shown as the text it held. The
  // editor checks a stored document as it parses it (once: a long note's parse is a good part of opening it).
  const [stored] = useState(() => readStoredShape(value));
  const [recovered, setRecovered] = useState(stored.problem);
  const refused = useRef<ReturnType<typeof recoveredText> | null>(null);
  const [pasteRefused, setPasteRefused] = useState<string | null>(null);
  const keepsImages = onPasteImage !== undefined;
  const pasteImage = useCallback((file: File) => latest.current.onPasteImage?.(file) ?? Promise.resolve(null), []);
  const changed = useCallback((next: RichText | null) => latest.current.onChange(next), []);
  const leftOut = useCallback((message: string) => latest.current.notify?.(message), []);
  const extensions = useMemo(
    () => [
      ...richTextExtensions,
      WordCounting,
      CaretBlock,
      DrawOnce,
      TrailingParagraph,
      TextEnds,
      PasteLimit.configure({ onRefuse: setPasteRefused }),
      // Image files pasted alone or dropped are kept by the case (before the paste cleaner, which then never sees them).
      // eslint-disable-next-line react-hooks/refs -- the ref is read when an image is pasted, never while rendering
      ...(keepsImages ? [ImageFiles.configure({ onPasteImage: pasteImage })] : []),
      // eslint-disable-next-line react-hooks/refs -- the ref is read when an image is pasted, never while rendering
      PastedContent.configure({
        onPasteImage: keepsImages ? pasteImage : null,
        onLeftOut: leftOut,
      }),
      // A row of the case's lists dropped in is inserted; one gone meanwhile is refused with a notice naming it.
      // eslint-disable-next-line react-hooks/refs -- the ref is read when a record is dropped, never while rendering
      RecordDrop.configure({ onRefused: leftOut }),
      ...(submitOnEnter ? [SubmitOnEnter] : []),
    ],
    [submitOnEnter, keepsImages, pasteImage, leftOut],
  );
  // The options stay the same object by object from one render to the next, or TipTap would set them on the editor
  // again at every keystroke (the value given later is what the editor itself wrote).
  const [content] = useState(() => (stored.doc ? endingInParagraph(stored.doc) : EMPTY_DOCUMENT));
  const editorProps = useMemo(() => ({ attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' } }), [label]);
  const editor = useEditor(
    {
      extensions,
      content,
      // Its styles come from the files imported above.
      injectCSS: false,
      autofocus: autoFocus ? 'end' : false,
      // The toolbar and the count follow the editor themselves: a keystroke re-renders nothing else.
      shouldRerenderOnTransaction: false,
      // Made once the field is on the page, not while React renders it: a render React sets aside (a navigation
      // restarted by data arriving) would otherwise make an editor, and parse and draw a long note, for nothing.
      immediatelyRender: false,
      editorProps,
      enableContentCheck: stored.unread,
      onContentError: ({ error }) => {
        refused.current = recoveredText(value, error);
      },
      onUpdate: ({ editor }) => {
        setRecovered(null);
        setPasteRefused(null);
        changed(editor.isEmpty ? null : (editor.getJSON() as RichText));
      },
    },
    [extensions],
  );
  // A document the schema refused opens as the text it held, once the editor is there to hold it.
  useLayoutEffect(() => {
    const text = refused.current;
    if (!text || !editor || editor.isDestroyed) return;
    refused.current = null;
    // Not a change of the researcher's: no save, nothing to undo back to.
    editor
      .chain()
      .command(({ tr }) => {
        tr.setMeta('addToHistory', false);
        return true;
      })
      .setContent(text.doc ?? EMPTY_DOCUMENT, { emitUpdate: false })
      .run();
    setRecovered(text.problem);
  }, [editor]);
  // In a case, its mentions show the records as they are now, and `@` and `[[` find the case's records.
  const caseText = useContext(CaseTextContext);
  useEffect(() => (editor && caseText ? connectCaseText(editor, caseText) : undefined), [editor, caseText]);
  const [linkOpen, setLinkOpen] = useState(false);
  const openLink = useCallback(() => setLinkOpen(true), []);
  const around = useRef<HTMLDivElement>(null);
  useEditorTarget(editor, around, openLink, onCommandTarget);

  // The field's slot (RichTextEditor) keeps its height until the editor is made, a moment after it appears.
  if (!editor) return null;
  return (
    <div ref={around} className={submitOnEnter ? 'rich-text compact' : 'rich-text'}>
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
              changed(editor.isEmpty ? null : (editor.getJSON() as RichText));
            }}
          >
            Keep recovered text
          </button>
        </div>
      )}
      <Toolbar editor={editor} mac={mac} label={label} onLink={openLink} />
      {linkOpen && <LinkBar editor={editor} onClose={() => setLinkOpen(false)} />}
      <EditorContent editor={editor} />
      {pasteRefused && (
        <p className="paste-refused small" role="alert">
          {pasteRefused}
        </p>
      )}
      {showCount && <WordCount editor={editor} />}
    </div>
  );
}
