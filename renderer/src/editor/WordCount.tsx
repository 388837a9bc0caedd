import type { Editor } from '@tiptap/react';
import { memo, useEffect, useState } from 'react';

/** How long after the last change the count is read again: counting a long note's words on every key would cost. */
const RECOUNT_AFTER_MS = 250;

interface Count {
  words: number;
  characters: number;
}

const countOf = (editor: Editor): Count => ({
  words: editor.storage.characterCount.words(),
  characters: editor.storage.characterCount.characters(),
});

/**
 * "1,204 words, 7,310 characters" under the editor, read again a moment after the text changes. The first count
 * waits for the text to be shown: a long note's takes a few milliseconds.
 */
export const WordCount = memo(function WordCount({ editor }: { editor: Editor }) {
  const [count, setCount] = useState<Count | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => setCount(countOf(editor)));
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCount(countOf(editor)), RECOUNT_AFTER_MS);
    };
    editor.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor]);
  const format = (value: number, one: string, many: string) => `${value.toLocaleString()} ${value === 1 ? one : many}`;
  return (
    <p className="word-count muted small" data-testid="word-count">
      {count ? `${format(count.words, 'word', 'words')}, ${format(count.characters, 'character', 'characters')}` : 'Counting words…'}
    </p>
  );
});
