import type { Editor } from '@tiptap/react';
import { useId, useState, type KeyboardEvent } from 'react';
import { isLinkable } from './extensions/links';

/**
 * The box Link… opens under the toolbar: the address of the link on the selection (or of the link the caret is
 * in). Enter sets it, an empty address removes the link, Escape closes the box; the focus goes back to the text.
 * Not a form: the editor is often inside one (a note's), and Enter here must not send it.
 */
export function LinkBar({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [address, setAddress] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const href = address.trim();
    if (!href) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    if (!isLinkable(href)) {
      setError('A link goes to a web address (https://…) or an e-mail address (mailto:…).');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    // With nothing selected, the address itself becomes the linked text.
    if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    else chain.setLink({ href }).run();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="link-bar" role="group" aria-label="Link">
      <input
        type="url"
        aria-label="Link address"
        placeholder="https://… or mailto:…"
        value={address}
        onChange={(event) => {
          setAddress(event.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        autoFocus
      />
      <button type="button" onClick={apply}>
        {address.trim() ? 'Set link' : 'Remove link'}
      </button>
      <button type="button" className="quiet" onClick={close}>
        Cancel
      </button>
      {error && (
        <p id={errorId} role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}
