/**
 * The editor's benchmark, in the page: a long note (100,000 words of generated prose in paragraphs, with headings,
 * lists, emphasis, a table) opened in the real editor, its code loaded on demand as the app loads it; then the time from each key pressed to the frame that shows it, while `npm run bench`
 * types into it with the real keyboard (bench/editor.ts). Any other document can be opened as TipTap JSON, so a
 * later figure (a note with 2,000 mentions) measures the same way.
 */
import type { JSONContent } from '@tiptap/core';
import { createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { RichText } from '../../shared/domain';
import { syntheticDocuments } from './corpus';
import { seededRandom } from './generate';
import { watchLongTasks } from './longTasks';

export interface EditorOpenResult {
  /** From asking for the editor to the frame after the note's text is on the page. */
  openMs: number;
  /** Of which fetching and running the editor's code. */
  codeMs: number;
  words: number;
  blocks: number;
}

export interface TypingResult {
  keys: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  longestTaskMs: number;
}

const words = (text: string) => text.match(/\S+/g)?.length ?? 0;
/** The words of a document's text nodes (a word cut by a mark counts twice, as the editor's count would not: close enough). */
const wordsOf = (node: JSONContent): number => (node.text ? words(node.text) : 0) + (node.content ?? []).reduce((sum, child) => sum + wordsOf(child), 0);
const paragraph = (text: string, random: () => number): JSONContent => {
  // A word in ten paragraphs set in bold, one in twenty in italics, as notes are written.
  const roll = random();
  const cut = text.indexOf(' ', Math.floor(text.length / 3));
  if (roll < 0.15 && cut > 0) {
    const next = text.indexOf(' ', cut + 1);
    const mark = roll < 0.1 ? 'bold' : 'italic';
    return {
      type: 'paragraph',
      content: [
        { type: 'text', text: text.slice(0, cut + 1) },
        { type: 'text', text: text.slice(cut + 1, next > 0 ? next : undefined), marks: [{ type: mark }] },
        ...(next > 0 ? [{ type: 'text', text: text.slice(next) }] : []),
      ],
    };
  }
  return { type: 'paragraph', content: [{ type: 'text', text }] };
};

/** A note of about `wordCount` words: paragraphs of generated prose, a heading every 20, a list every 30, one table. */
export function longNote(wordCount: number): RichText {
  const random = seededRandom(41);
  const next = syntheticDocuments({ size: 20_000, seed: 5 });
  const content: JSONContent[] = [];
  let total = 0;
  for (let index = 0; total < wordCount; index++) {
    for (const text of next(index).text.split(/\n\n+/)) {
      const clean = text.trim();
      if (!clean || total >= wordCount) continue;
      const count = content.length;
      if (count % 20 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Part ${count / 20 + 1}` }] });
      if (count % 30 === 29)
        content.push({
          type: 'bulletList',
          content: clean.split(', ').slice(0, 4).map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }] })),
        });
      else content.push(paragraph(clean, random));
      total += wordsOf(content.at(-1)!);
    }
  }
  content.splice(10, 0, {
    type: 'table',
    content: [0, 1, 2].map((row) => ({
      type: 'tableRow',
      content: [0, 1, 2].map((column) => ({
        type: row === 0 ? 'tableHeader' : 'tableCell',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `Cell ${row}.${column}` }] }],
      })),
    })),
  });
  return { type: 'doc', content } as RichText;
}

let root: Root | null = null;
let host: HTMLElement | null = null;
let typing: { samples: number[]; stop: () => void; stopWatch: () => number } | null = null;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

export const editorBenchmark = {
  /** Opens `doc` (TipTap JSON), or a generated note of `words` words, in the editor; resolves once it is shown. */
  async open(options: { words?: number; doc?: RichText }): Promise<EditorOpenResult> {
    editorBenchmark.close();
    const doc = options.doc ?? longNote(options.words ?? 100_000);
    host = document.body.appendChild(document.createElement('div'));
    host.style.cssText = 'width: 900px; height: 700px; overflow: auto';
    const asked = performance.now();
    // Loaded as the app loads it. Only the editor: the benchmark importing more of the app (its commands, its router)
    // would change how the app's own code is split, and the start bundle's figure with it.
    const { TipTapEditor } = await import('../../renderer/src/editor/TipTapEditor');
    const codeMs = performance.now() - asked;
    // As a form holds its field's value: in state, set on every change.
    function Form() {
      const [value, setValue] = useState<RichText | null>(doc);
      return createElement(TipTapEditor, { label: 'Note text', value, onChange: setValue });
    }
    root = createRoot(host);
    root.render(createElement(Form));
    // Shown: the editor's text is on the page, and a frame has been drawn with it.
    while (!host.querySelector('.tiptap p')) await nextFrame();
    const openMs = (await nextFrame()) - asked;
    return { openMs, codeMs, words: wordsOf(doc), blocks: doc.content?.length ?? 0 };
  },

  /** Puts the caret in the middle of the note and starts timing each key pressed from its keydown to the next frame after the text changed. */
  startTyping(): void {
    const editable = host!.querySelector<HTMLElement>('.tiptap')!;
    editable.focus();
    const middle = editable.children[Math.floor(editable.children.length / 2)]!;
    const selection = getSelection()!;
    selection.collapse(middle.firstChild?.firstChild ?? middle, 0);
    const samples: number[] = [];
    let pressedAt: number | null = null;
    const onKeyDown = (event: KeyboardEvent) => void (pressedAt = event.timeStamp);
    const observer = new MutationObserver(() => {
      if (pressedAt === null) return;
      const at = pressedAt;
      pressedAt = null;
      requestAnimationFrame(() => samples.push(performance.now() - at));
    });
    editable.addEventListener('keydown', onKeyDown, true);
    observer.observe(editable, { childList: true, subtree: true, characterData: true });
    typing = {
      samples,
      stopWatch: watchLongTasks(),
      stop: () => {
        editable.removeEventListener('keydown', onKeyDown, true);
        observer.disconnect();
      },
    };
  },

  async stopTyping(): Promise<TypingResult> {
    await nextFrame();
    const { samples, stop, stopWatch } = typing!;
    stop();
    typing = null;
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      keys: samples.length,
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
      p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
      maxMs: sorted.at(-1) ?? 0,
      longestTaskMs: stopWatch(),
    };
  },

  close(): void {
    root?.unmount();
    host?.remove();
    root = null;
    host = null;
  },
};
