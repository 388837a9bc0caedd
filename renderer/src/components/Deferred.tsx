import { Component, Suspense, createElement, lazy, useState, type ComponentType, type ReactNode } from 'react';

/** Thrown when a part of the app loaded on first use cannot be fetched, so only that failure is caught below. */
class PartNotLoaded extends Error {
  override name = 'PartNotLoaded';
}

/** A component loaded on first use, and how to fetch it ahead of that use. */
export type LazyComponent<C> = C & {
  /** Fetches the component's code now (fetching twice fetches once): once it is here, the part shows at once. */
  preload: () => Promise<unknown>;
};

/**
 * A component loaded on first use: `load` is a dynamic `import()` and `name` the export to take from it. Keeping
 * heavy parts (the reader, PDF.js, the editor) out of the start-up bundle keeps the library quick to open. Once its
 * code is here (fetched by an earlier use, or by `preload`), the part shows in the same render: React's own lazy
 * component would still wait a turn, showing "Loading…", and React holds what replaces a loading message back for up
 * to 300 ms so that it does not flicker.
 */
export function lazyComponent<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyComponent<M[K]> {
  let loaded: ComponentType | undefined;
  // A load that failed stays failed: the message below asks for a reload, which tries again.
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module[name] as unknown as ComponentType),
      (error: unknown) => {
        throw new PartNotLoaded(error instanceof Error ? error.message : String(error), { cause: error });
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Part(props: object) {
    // Chosen once for each place it is shown: switching from the lazy one to the loaded one would remount the part.
    const [Shown] = useState(() => loaded ?? Lazy);
    return createElement(Shown, props);
  }
  return Object.assign(Part, { preload }) as unknown as LazyComponent<M[K]>;
}

interface DeferredProps {
  /** What is loading, in the researcher's words, as it completes "Loading …" ("the document"). */
  what: string;
  children: ReactNode;
}

/**
 * Where a part loaded on first use appears: a status that screen readers announce while it loads, and, if it cannot
 * be loaded, a message with what to do instead of a blank window.
 */
export function Deferred({ what, children }: DeferredProps) {
  return (
    <LoadFailure what={what}>
      <Suspense
        fallback={
          <p role="status" className="muted">
            Loading {what}…
          </p>
        }
      >
        {children}
      </Suspense>
    </LoadFailure>
  );
}

class LoadFailure extends Component<DeferredProps, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Any other error is not ours to explain: it goes on to whatever handles it above.
    if (!(error instanceof PartNotLoaded)) throw error;
    return (
      <div className="form-error" role="alert">
        <p>
          Casebook could not load {this.props.what}. Reload the window to try again; nothing you saved is lost.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
