import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { RecordRef } from '../../../../../shared/domain';
import type { ShownRecord } from '../../caseText';
import { caseTextOf } from '../../connectCaseText';
import { droppedRecord, type DroppedRecord } from '../../recordDrag';
import { excerptQuoteNode, recordLinkNode } from '../recordLink';

export interface RecordDropOptions {
  /**
   * Told, in a sentence for the researcher naming the record, when a dropped record cannot be inserted (deleted since
   * the drag started, or of another case). The editor passes it on to the app (`EditorHost.notify`).
   */
  onRefused: (message: string) => void;
}

/** What a record dropped into a text becomes: an excerpt a quote block, an event a dated line, others a mention. */
export function droppedContent(ref: RecordRef, shown: ShownRecord) {
  if (ref.type === 'excerpt') return excerptQuoteNode(ref.id, shown.quote ?? shown.title, shown.citation ?? '');
  if (ref.type === 'event') return { type: 'paragraph', content: [recordLinkNode(shown.ref, shown.title, 'dated')] };
  return [recordLinkNode(shown.ref, shown.title, ref.type === 'entity' ? 'mention' : 'link'), { type: 'text', text: ' ' }];
}

/** Titles longer than this (an excerpt's quote) are cut short in a message. */
const TITLE_IN_MESSAGE = 60;

/** Why a dropped record was not inserted, naming it by the title its row showed when there was one. */
export function refusalOf(title: string): string {
  const words = title.replace(/\s+/g, ' ').trim();
  if (!words) return 'That record is no longer in this case, so it was not inserted.';
  const cut = words.slice(0, TITLE_IN_MESSAGE + 1);
  // Cut at the last whole word (a title of one long word, at the limit), without the punctuation before the cut.
  const shown = words.length > TITLE_IN_MESSAGE ? `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_IN_MESSAGE / 2)).replace(/[\s,;:.]+$/, '')}…` : words;
  return `“${shown}” is no longer in this case, so it was not inserted.`;
}

/** Inserts a dropped record at a place in the text, once the case has said what it is. */
export async function insertDropped(editor: Editor, dropped: DroppedRecord, at: number, onRefused: (message: string) => void): Promise<boolean> {
  const caseText = caseTextOf(editor);
  if (!caseText) return false;
  const { ref, title } = dropped;
  const shown = await caseText.describe(ref);
  if (!shown || shown.missing) {
    onRefused(refusalOf(title));
    return false;
  }
  const place = Math.min(at, editor.state.doc.content.size);
  return editor.chain().focus().insertContentAt(place, droppedContent(ref, shown)).run();
}

/**
 * Dropping a row of the case's lists (an excerpt, an entity; any record carrying `RECORD_DRAG_TYPE`) into the text
 * inserts it where it is dropped. Other drops (text, files) are left to the editor.
 */
export const RecordDrop = Extension.create<RecordDropOptions>({
  name: 'recordDrop',

  addOptions() {
    return { onRefused: () => undefined };
  },

  addProseMirrorPlugins() {
    const { editor } = this;
    const { onRefused } = this.options;
    return [
      new Plugin({
        key: new PluginKey('recordDrop'),
        props: {
          handleDrop(view, event) {
            const dropped = droppedRecord(event.dataTransfer);
            if (!dropped || !caseTextOf(editor)) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.to;
            void insertDropped(editor, dropped, at, onRefused);
            return true;
          },
        },
      }),
    ];
  },
});
