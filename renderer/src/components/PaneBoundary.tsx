import { Component, type ReactNode } from 'react';

interface PaneBoundaryProps {
  /** The pane, in the researcher's words, as it completes "… could not be shown" ("This section"). */
  what: string;
  /**
   * What the pane shows (its address, say): when it changes, the pane is tried again, so that moving to another
   * section or record leaves the failure behind.
   */
  resetKey: string;
  /** Where "Back to the case library" goes; the boundary sits below the router, so a plain link to its hash. */
  libraryHref?: string;
  children: ReactNode;
}

interface PaneBoundaryState {
  error: unknown;
  /** The `resetKey` the error happened under. */
  failedAt: string | null;
}

/** The words of an error, for a researcher: its message, else what it is. */
export const errorWords = (error: unknown): string => (error instanceof Error && error.message ? error.message : String(error));

/**
 * One pane of the window (a section, the note beside it, the search box) that failed while it was shown: said in
 * words where it was, with a way to try again, reload or go back to the library, instead of a blank window. The rest
 * of the window (the sidebar, the other panes, the menu and palette) stays as it was: each pane has a boundary of its
 * own. Errors in event handlers and writes are not render errors; the forms say those themselves.
 */
export class PaneBoundary extends Component<PaneBoundaryProps, PaneBoundaryState> {
  override state: PaneBoundaryState = { error: null, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<PaneBoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: PaneBoundaryProps, state: PaneBoundaryState): Partial<PaneBoundaryState> | null {
    if (state.error === null) return state.failedAt === props.resetKey ? null : { failedAt: props.resetKey };
    // The pane moved on to something else: show it afresh.
    if (state.failedAt !== props.resetKey) return { error: null, failedAt: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown): void {
    console.error(`[casebook] ${this.props.what} could not be shown`, error);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="pane-error" role="alert">
        <h2>{this.props.what} could not be shown</h2>
        <p>Something went wrong: {errorWords(error)}. What was saved is safe; the rest of the window still works.</p>
        <p className="row">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="quiet" onClick={() => window.location.reload()}>
            Reload
          </button>
          <a href={this.props.libraryHref ?? '#/'}>Back to the case library</a>
        </p>
      </div>
    );
  }
}
