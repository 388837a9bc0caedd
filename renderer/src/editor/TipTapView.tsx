import './editor.css';
import { DOMSerializer, Node } from '@tiptap/pm/model';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { RichText } from '../../../shared/domain';
import { referencesIn, refKey } from '../../../shared/textReferences';
import { openExternalLink } from '../app/externalLinks';
import { attachmentUrl } from './attachmentSource';
import { CaseTextContext, type ShownRecord } from './caseText';
import { paintShown } from './paintShown';
import { editorSchema, readStoredText } from './recover';

/**
 * The nodes of stored rich text, from the serializer the editor itself draws with (ProseMirror's, with the editor's
 * schema): it makes elements and text nodes, never parses HTML, so nothing the text holds can become markup. All the
 * editor writes shows: tables, task lists, highlights; text the editor cannot read shows as the text it held. A task's
 * box shows whether it is done but is not a control here: ticking it happens in the editor.
 */
function viewNodes(value: RichText | null): DocumentFragment | null {
  const { doc } = readStoredText(value);
  if (!doc) return null;
  const schema = editorSchema();
  // Without a target of its own, the serializer returns a fragment.
  const nodes = DOMSerializer.fromSchema(schema).serializeFragment(Node.fromJSON(schema, doc).content) as DocumentFragment;
  for (const box of nodes.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.disabled = true;
  return nodes.hasChildNodes() ? nodes : null;
}

/**
 * Shows stored rich text read-only. In a case, its mentions show the records as they are now (one live query for all
 * of them) and open with a click; images kept in the case are filled in from it, never fetched.
 */
export function TipTapView({ value, empty }: { value: RichText | null; empty?: string }) {
  const nodes = useMemo(() => viewNodes(value), [value]);
  const caseText = useContext(CaseTextContext);
  const refs = useMemo(() => referencesIn(value), [value]);
  const watched = refs.map(refKey).join('|');
  const [shown, setShown] = useState<ReadonlyMap<string, ShownRecord> | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `watched` stands for `refs`: the same records, the same query.
  useEffect(() => (caseText && refs.length ? caseText.watch(refs, setShown) : undefined), [caseText, watched]);
  const root = useRef<HTMLDivElement>(null);
  // A copy each time: the same value shown again (StrictMode mounts twice) must not find its nodes gone.
  useLayoutEffect(() => {
    if (nodes) root.current?.replaceChildren(nodes.cloneNode(true));
  }, [nodes]);
  useLayoutEffect(() => {
    if (root.current && shown) paintShown(root.current, shown);
  }, [nodes, shown]);
  useEffect(() => {
    for (const image of root.current?.querySelectorAll<HTMLImageElement>('img[data-attachment]') ?? [])
      void attachmentUrl(image.dataset.attachment ?? '').then((url) => {
        if (url) image.src = url;
      });
  }, [nodes]);

  const open = (event: MouseEvent) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[href]');
    if (!link) return;
    if (link.matches('a.record-link, a[data-source-link]')) {
      if (!caseText || event.button !== 0) return;
      event.preventDefault();
      caseText.open(link.getAttribute('href')!.slice(1));
      return;
    }
    // A web or mail link (a click or a middle click) opens outside the app after asking, as a document's links do.
    const href = link.getAttribute('href')!.trim();
    if ((event.button !== 0 && event.button !== 1) || href.startsWith('#')) return;
    event.preventDefault();
    void openExternalLink(href);
  };

  if (!nodes) return empty ? <p className="muted">{empty}</p> : null;
  return <div ref={root} className="rich-text-view" onClick={open} onAuxClick={open} />;
}
