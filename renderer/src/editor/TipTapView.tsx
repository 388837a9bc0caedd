import './editor.css';
import { generateHTML } from '@tiptap/core';
import { useEffect, useMemo, useRef } from 'react';
import type { RichText } from '../../../shared/domain';
import { attachmentUrl } from './attachmentSource';
import { richTextExtensions } from './extensions';
import { readStoredText } from './recover';

/**
 * Shows stored rich text read-only. The HTML comes from TipTap's own serializer, which escapes all text; text the
 * editor cannot read shows as the text it held. Images kept in the case are filled in from it, never fetched.
 */
export function TipTapView({ value, empty }: { value: RichText | null; empty?: string }) {
  const html = useMemo(() => {
    const { doc } = readStoredText(value);
    return doc ? generateHTML(doc, richTextExtensions) : '';
  }, [value]);
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const image of shown.current?.querySelectorAll<HTMLImageElement>('img[data-attachment]') ?? [])
      void attachmentUrl(image.dataset.attachment ?? '').then((url) => {
        if (url) image.src = url;
      });
  }, [html]);
  if (!html) return empty ? <p className="muted">{empty}</p> : null;
  return <div ref={shown} className="rich-text-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
