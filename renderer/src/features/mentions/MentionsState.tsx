/** How far finding mentions is ("Finding mentions… 40%"), and why a question about them had no answer. */
export function MentionsState({ progress, failure, what }: { progress: string | null; failure: string | null; what: 'read' | 'counted' }) {
  return (
    <>
      {progress && (
        <p className="muted small" role="status">
          {progress}
        </p>
      )}
      {failure && (
        <p className="field-error" role="alert">
          The mentions could not be {what}: {failure}
        </p>
      )}
    </>
  );
}
