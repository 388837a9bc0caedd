import './editor.css';
import { generateHTML } from '@tiptap/core';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { RichText } from '../../../shared/domain';
import { referencesIn, refKey } from '../../../shared/textReferences';
import { openExternalLink } from '../app/externalLinks';
import { attachmentUrl } from './attachmentSource';
import { CaseTextContext, type ShownRecord } from './caseText';
import { richTextExtensions } from './extensions';
import { paintShown } from './paintShown';
import { readStoredText } from './recover';

/**
 * The HTML of stored rich text, from TipTap's own serializer (which escapes all text) with the editor's extensions,
 * so everything the editor writes shows: tables, task lists, highlights; text the editor cannot read shows as the
 * text it held. A task's box shows whether it is done but is not a control here: ticking it happens in the editor.
 */
function viewHtml(value: RichText | null): string {
  const { doc } = readStoredText(value);
  if (!doc) return '';
  return generateHTML(doc, richTextExtensions).replaceAll('<input type="checkbox"', '<input type="checkbox" disabled');
}

/**
 * Shows stored rich text read-only. In a case, its mentions show the records as they are now (one live query for all
 * of them) and open with a click; images kept in the case are filled in from it, never fetched.
 */
export function TipTapView({ value, empty }: { value: RichText | null; empty?: string }) {
  const html = useMemo(() => viewHtml(value), [value]);
  const caseText = useContext(CaseTextContext);
  const refs = useMemo(() => referencesIn(value), [value]);
  const watched = refs.map(refKey).join('|');
  const [shown, setShown] = useState<ReadonlyMap<string, ShownRecord> | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `watched` stands for `refs`: the same records, the same query.
  useEffect(() => (caseText && refs.length ? caseText.watch(refs, setShown) : undefined), [caseText, watched]);
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (root.current && shown) paintShown(root.current, shown);
  }, [html, shown]);
  useEffect(() => {
    for (const image of root.current?.querySelectorAll<HTMLImageElement>('img[data-attachment]') ?? [])
      void attachmentUrl(image.dataset.attachment ?? '').then((url) => {
        if (url) image.src = url;
      });
  }, [html]);

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

  if (!html) return empty ? <p className="muted">{empty}</p> : null;
  return <div ref={root} className="rich-text-view" onClick={open} onAuxClick={open} dangerouslySetInnerHTML={{ __html: html }} />;
}
