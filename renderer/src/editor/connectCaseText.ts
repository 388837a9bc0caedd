import type { Editor } from '@tiptap/core';
import type { Fragment, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform';
import type { Transaction } from '@tiptap/pm/state';
import type { RecordRef } from '../../../shared/domain';
import { recordOfNode, refKey } from '../../../shared/textReferences';
import type { CaseText, ShownRecord } from './caseText';

type Listener = () => void;

/**
 * The records one editor's text refers to, as the case has them now: one store per editor, fed by one live query
 * (`CaseText.watch`), read by every mention's node view. A node view subscribes to hear of changes; 2,000 mentions are
 * 2,000 map look-ups when something changes, and nothing while typing.
 */
export class ShownRecords {
  private shown: ReadonlyMap<string, ShownRecord> | null = null;
  private readonly listeners = new Set<Listener>();

  /** The record as shown now; undefined until the case has answered (or outside a case). */
  get(ref: RecordRef): ShownRecord | undefined {
    return this.shown?.get(refKey(ref));
  }

  /** Whether the case has answered: a record it did not name is then missing. */
  get known(): boolean {
    return this.shown !== null;
  }

  set(shown: ReadonlyMap<string, ShownRecord>): void {
    this.shown = shown;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Ties one editor (or one view's renderer) to the open case: which case it writes in, and the store its mentions are
 * shown from. Kept beside the editor rather than in its extensions' options, so one list of extensions serves every
 * field, in a case or not.
 */
const bound = new WeakMap<object, { caseText: CaseText | null; shown: ShownRecords }>();

function bindingOf(editor: object) {
  let binding = bound.get(editor);
  if (!binding) {
    binding = { caseText: null, shown: new ShownRecords() };
    bound.set(editor, binding);
  }
  return binding;
}

/** The case the editor writes in, or null outside a case. */
export const caseTextOf = (editor: Editor): CaseText | null => bindingOf(editor).caseText;

/** The records the editor's text refers to, as the case has them now. */
export const shownRecordsOf = (editor: Editor): ShownRecords => bindingOf(editor).shown;

/** The record a ProseMirror node names, if it is a mention, a record link or a quote block. */
export const recordOfPmNode = (node: ProseMirrorNode): RecordRef | null =>
  node.isText ? null : recordOfNode({ type: node.type.name, attrs: node.attrs });

/** Every record a document refers to, each once. */
export function referencesOfDoc(doc: ProseMirrorNode): RecordRef[] {
  const found = new Map<string, RecordRef>();
  doc.descendants((node) => {
    const ref = recordOfPmNode(node);
    if (ref) found.set(refKey(ref), ref);
    // Text holds no records: no need to look inside a text block without inline nodes.
    return !node.isTextblock || node.childCount !== node.textContent.length;
  });
  return [...found.values()];
}

const holdsRecord = (content: Fragment): boolean => {
  let found = false;
  content.descendants((node) => {
    if (found || recordOfPmNode(node)) found = true;
    return !found;
  });
  return found;
};

/**
 * Whether a change may have added or removed a mention: a replacement that inserts one or covers one. Typing in a
 * long text touches none, so it costs a look at the few characters it replaced.
 */
export function touchesRecords(transaction: Transaction): boolean {
  return transaction.steps.some((step, index) => {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: { content: Fragment } };
    if (holdsRecord(slice.content)) return true;
    const before = transaction.docs[index];
    if (!before || to <= from) return false;
    let found = false;
    before.nodesBetween(from, to, (node) => {
      if (found || recordOfPmNode(node)) found = true;
      return !found;
    });
    return found;
  });
}

/**
 * Connects an editor to the case: its mentions are shown as the case has them (one live query for all of them, asked
 * again only when a mention is added or removed), and its suggestions can find and make records. Returns the function
 * that disconnects it.
 */
export function connectCaseText(editor: Editor, caseText: CaseText): () => void {
  const binding = bindingOf(editor);
  binding.caseText = caseText;
  let watched = '';
  let stop: (() => void) | null = null;
  const rewatch = () => {
    const refs = referencesOfDoc(editor.state.doc);
    const key = refs.map(refKey).sort().join('|');
    if (key === watched && stop) return;
    watched = key;
    stop?.();
    stop = caseText.watch(refs, (shown) => binding.shown.set(shown));
  };
  const onTransaction = ({ transaction }: { transaction: Transaction }) => {
    if (transaction.docChanged && touchesRecords(transaction)) rewatch();
  };
  rewatch();
  editor.on('transaction', onTransaction);
  return () => {
    editor.off('transaction', onTransaction);
    stop?.();
    binding.caseText = null;
  };
}
