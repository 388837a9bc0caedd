import { Deferred, lazyComponent } from '../../../components/Deferred';

// The reader (and through it the PDF viewer, the sanitiser and the editor) loads when a document is opened.
const Reader = lazyComponent(() => import('./DocumentReader'), 'DocumentReader');

/** One document, read; see `DocumentReader`. */
export function DocumentReader(props: { caseId: string; documentId: string }) {
  return (
    <Deferred what="the document">
      <Reader {...props} />
    </Deferred>
  );
}
