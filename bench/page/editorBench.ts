/**
 * The editor's benchmark, in the page: a long note (100,000 words of generated prose in paragraphs, with headings,
 * lists, emphasis, a table), or one of 2,000 mentions, opened in the real editor alone, its code loaded on demand as
 * the app loads it, in a case answered from memory; `npm run bench` then types into it with the real keyboard and
 * times each key (bench/editor.ts). The same notes are also seeded into a real case (`seedNoteCase`) and opened in
 * the app, where the note's autosave, its live queries and the rest of the page take their share.
 */
import type { JSONContent } from '@tiptap/core';
import { createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { RecordRef, RichText } from '../../shared/domain';
import { refKey } from '../../shared/textReferences';
import type { CaseText, ShownRecord } from '../../renderer/src/editor/caseText';
import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase, createEntities, createNote } from '../../renderer/src/domain';
import { syntheticDocuments } from './corpus';
import { entityInputs, seededRandom } from './generate';

export interface EditorOpenResult {
  /** From asking for the editor to the frame after the note's text is on the page. */
  openMs: number;
  /** Of which fetching and running the editor's code. */
  codeMs: number;
  words: number;
  blocks: number;
  /** Mentions on the page. */
  mentions: number;
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

/** The entities a mentions note names: as many as a large case's people and companies. */
export const MENTIONED = 300;
/** The entities the mentions note names when it is opened outside a case (ids made up, as the case would give them). */
const benchEntities = () => entityInputs(MENTIONED, 7).map((entity, index) => ({ id: `entity-${index}`, name: entity.name }));

/**
 * A note of `count` mentions of the given entities, five to a paragraph of generated prose (about 8 words each side),
 * as an analyst's write-up of who met whom reads.
 */
export function mentionsNote(count: number, entities: readonly { id: string; name: string }[]): RichText {
  const random = seededRandom(43);
  const next = syntheticDocuments({ size: 20_000, seed: 6 });
  const prose = next(0).text.split(/\s+/).filter(Boolean);
  let cursor = 0;
  const wordsOfProse = (length: number) => {
    const taken: string[] = [];
    for (let index = 0; index < length; index++) taken.push(prose[cursor++ % prose.length]!);
    return taken.join(' ');
  };
  const content: JSONContent[] = [];
  for (let made = 0; made < count; ) {
    const inline: JSONContent[] = [{ type: 'text', text: `${wordsOfProse(8)} ` }];
    for (let inParagraph = 0; inParagraph < 5 && made < count; inParagraph++, made++) {
      const entity = entities[Math.floor(random() * entities.length)]!;
      inline.push({ type: 'recordLink', attrs: { type: 'entity', id: entity.id, label: entity.name, as: 'mention' } });
      inline.push({ type: 'text', text: ` ${wordsOfProse(8)} ` });
    }
    content.push({ type: 'paragraph', content: inline });
  }
  return { type: 'doc', content } as RichText;
}

/**
 * The case as the mentions note's editor sees it: the entities it names, answered after a turn of the event loop as
 * the live query answers. Finding and making records is not measured here.
 */
function caseOfEntities(entities: readonly { id: string; name: string }[]): CaseText {
  const names = new Map(entities.map((entity) => [entity.id, entity.name]));
  const shownOf = (ref: RecordRef): ShownRecord | null => {
    const title = ref.type === 'entity' ? names.get(ref.id) : undefined;
    return title ? { ref, title, missing: false, path: `/entities/${ref.id}` } : null;
  };
  return {
    caseId: 'bench',
    findEntities: () => Promise.resolve([]),
    findRecords: () => Promise.resolve([]),
    entityTypes: () => Promise.resolve([]),
    createEntity: () => Promise.reject(new Error('Not in the benchmark.')),
    describe: (ref) => Promise.resolve(shownOf(ref)),
    watch(refs, onChange) {
      const timer = setTimeout(() => {
        const shown = new Map<string, ShownRecord>();
        for (const ref of refs) {
          const record = shownOf(ref);
          if (record) shown.set(refKey(ref), record);
        }
        onChange(shown);
      });
      return () => clearTimeout(timer);
    },
    open: () => undefined,
  };
}

let root: Root | null = null;
let host: HTMLElement | null = null;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

export const editorBenchmark = {
  /**
   * Opens a generated note in the editor, in a case: one of `mentions` mentions, or of `words` words; resolves once it
   * is shown, its mentions with their names as the case has them.
   */
  async open(options: { words?: number; mentions?: number }): Promise<EditorOpenResult> {
    editorBenchmark.close();
    const entities = benchEntities();
    const doc = options.mentions ? mentionsNote(options.mentions, entities) : longNote(options.words ?? 100_000);
    host = document.body.appendChild(document.createElement('div'));
    host.style.cssText = 'width: 900px; height: 700px; overflow: auto';
    const asked = performance.now();
    // Loaded as the app loads it. Only the editor: the benchmark importing more of the app (its commands, its router)
    // would change how the app's own code is split, and the start bundle's figure with it.
    const [{ TipTapEditor }, { CaseTextContext }] = await Promise.all([
      import('../../renderer/src/editor/TipTapEditor'),
      import('../../renderer/src/editor/caseText'),
    ]);
    const codeMs = performance.now() - asked;
    const caseText = caseOfEntities(entities);
    // As a form holds its field's value: in state, set on every change.
    function Form() {
      const [value, setValue] = useState<RichText | null>(doc);
      return createElement(CaseTextContext.Provider, { value: caseText }, createElement(TipTapEditor, { label: 'Note text', value, onChange: setValue }));
    }
    root = createRoot(host);
    root.render(createElement(Form));
    // Shown: the editor's text is on the page, and a frame has been drawn with it.
    while (!host.querySelector('.tiptap p') || (options.mentions && !host.querySelector('.record-link[data-record-id]'))) await nextFrame();
    // Its mentions named as the case has them (the live query's first answer).
    if (options.mentions) await new Promise((resolve) => setTimeout(resolve));
    const openMs = (await nextFrame()) - asked;
    return { openMs, codeMs, words: wordsOf(doc), blocks: doc.content?.length ?? 0, mentions: host.querySelectorAll('.record-link').length };
  },

  close(): void {
    root?.unmount();
    host?.remove();
    root = null;
    host = null;
  },
};

/** A case holding one generated note (of `words` words, or of `mentions` mentions of its entities), written through the domain as the app writes it. */
export async function seedNoteCase(options: { words?: number; mentions?: number }): Promise<{ caseId: string; noteId: string }> {
  const db = new CasebookDB();
  const caseFile = await createCase(db, { name: options.mentions ? `Note of ${options.mentions} mentions` : `Note of ${options.words} words` });
  const entities = await createEntities(db, caseFile.id, entityInputs(MENTIONED, 7));
  const body = options.mentions ? mentionsNote(options.mentions, entities) : longNote(options.words ?? 100_000);
  const note = await createNote(db, caseFile.id, { title: 'Write-up', body });
  db.close();
  return { caseId: caseFile.id, noteId: note.id };
}
