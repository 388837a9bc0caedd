import { useEffect, useState } from 'react';
import { queries } from '../../../app/casebook';
import { originalPageDocument } from '../../../html/savedPage';

/** Decodes the saved bytes with the encoding the importer found, falling back to UTF-8 for a label no browser knows. */
function decode(bytes: ArrayBuffer, charset: string | null): { html: string; note: string | null } {
  try {
    return { html: new TextDecoder(charset ?? 'utf-8').decode(bytes), note: null };
  } catch {
    return {
      html: new TextDecoder('utf-8').decode(bytes),
      note: `The page says it is in “${charset}”, which this app cannot decode: it is shown as UTF-8.`,
    };
  }
}

type Loaded = { srcdoc: TrustedHTML; note: string | null } | { error: string };

/** The web page as it was saved, inside a frame that can neither run its scripts nor fetch anything. */
export function OriginalPage({ documentId, charset, title }: { documentId: string; charset: string | null; title: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const file = await queries.originalFile(documentId);
      if (!file) throw new Error('Its original file is not in the case any more.');
      const { html, note } = decode(await file.bytes.arrayBuffer(), charset);
      if (!cancelled) setLoaded({ srcdoc: originalPageDocument(html), note });
    })().catch((error: unknown) => {
      if (!cancelled) setLoaded({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [documentId, charset]);

  if (!loaded)
    return (
      <p role="status" className="muted">
        Opening the saved page…
      </p>
    );
  if ('error' in loaded)
    return (
      <p className="form-error" role="alert">
        The saved page could not be shown. {loaded.error}
      </p>
    );
  return (
    <div className="original-page">
      <p className="muted small">
        The page as it was saved, with its scripts switched off and nothing loaded from the internet: pictures that
        were not saved in the file do not appear.
      </p>
      {loaded.note && <p className="small warning-text">{loaded.note}</p>}
      <iframe
        sandbox=""
        // TrustedHTML, which React sets as it is given; its typings know only strings.
        srcDoc={loaded.srcdoc as unknown as string}
        title={`Original page: ${title}`}
        referrerPolicy="no-referrer"
      />
    </div>
  );
}
