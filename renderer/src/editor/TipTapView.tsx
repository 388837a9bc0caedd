import './editor.css';
import { generateHTML } from '@tiptap/core';
import { useMemo } from 'react';
import type { RichText } from '../../../shared/domain';
import { richTextExtensions } from './extensions';

/**
 * The HTML of stored rich text, from TipTap's own serializer (which escapes all text) with the editor's extensions,
 * so everything the editor writes shows: tables, task lists, highlights. A task's box shows whether it is done but is
 * not a control here: ticking it happens in the editor.
 */
function viewHtml(value: RichText): string {
  const html = generateHTML(value, richTextExtensions);
  return html.replaceAll('<input type="checkbox"', '<input type="checkbox" disabled');
}

/** Shows stored rich text read-only. */
export function TipTapView({ value, empty }: { value: RichText | null; empty?: string }) {
  const html = useMemo(() => (value ? viewHtml(value) : ''), [value]);
  if (!html) return empty ? <p className="muted">{empty}</p> : null;
  return <div className="rich-text-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
