import type { ComponentProps } from 'react';
import { Deferred, lazyComponent } from '../../../components/Deferred';
import type { DocumentReader as Loaded } from './DocumentReader';

// The reader (and through it the PDF viewer, the sanitiser and the editor) loads when a document is opened.
const Reader = lazyComponent(() => import('./DocumentReader'), 'DocumentReader');

/** One document, read; see `DocumentReader`. */
export function DocumentReader(props: ComponentProps<typeof Loaded>) {
  return (
    <Deferred what="the document">
      <Reader {...props} />
    </Deferred>
  );
}
