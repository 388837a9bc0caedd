import './editor.css';
import { generateHTML } from '@tiptap/core';
import { useMemo } from 'react';
import type { RichText } from '../../../shared/domain';
import { richTextExtensions } from './extensions';

/** Shows stored rich text read-only. The HTML comes from TipTap's own serializer, which escapes all text. */
export function TipTapView({ value, empty }: { value: RichText | null; empty?: string }) {
  const html = useMemo(() => (value ? generateHTML(value, richTextExtensions) : ''), [value]);
  if (!html) return empty ? <p className="muted">{empty}</p> : null;
  return <div className="rich-text-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
