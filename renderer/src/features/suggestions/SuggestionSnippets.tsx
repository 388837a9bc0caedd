import type { AnySuggestion } from './SuggestionCard';

/** Where in its documents' texts a snippet is: what says whether the snippet begins or ends inside a line. */
export type TextOf = (documentId: string | null) => string | undefined;

/**
 * Where the text names a suggestion, a few times, the name marked; in a batch, each snippet says which document it
 * is from.
 */
export function SuggestionSnippets({ suggestion, titleOf, textOf }: { suggestion: AnySuggestion; titleOf?: (documentId: string) => string; textOf: TextOf }) {
  if (!suggestion.snippets.length) return null;
  return (
    <ul className="suggestion-snippets" aria-label={`Where “${suggestion.name}” is named`}>
      {suggestion.snippets.map((snippet) => {
        const from = snippet.mentionStart - snippet.start;
        const to = snippet.mentionEnd - snippet.start;
        const documentId = 'documentId' in snippet ? snippet.documentId : null;
        const text = textOf(documentId);
        const cutBefore = snippet.start > 0 && text?.[snippet.start - 1] !== '\n';
        const cutAfter = text !== undefined && snippet.end < text.length && text[snippet.end] !== '\n';
        return (
          <li key={`${documentId ?? ''}:${snippet.start}`}>
            {documentId && titleOf && <cite>{titleOf(documentId)}: </cite>}
            {cutBefore && '…'}
            {snippet.text.slice(0, from)}
            <mark>{snippet.text.slice(from, to)}</mark>
            {snippet.text.slice(to)}
            {cutAfter && '…'}
          </li>
        );
      })}
    </ul>
  );
}
