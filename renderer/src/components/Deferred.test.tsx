// @vitest-environment jsdom
import { Component, act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deferred, lazyComponent } from './Deferred';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** A module whose loading the test finishes (or fails) when it chooses. */
function pendingModule<M>() {
  let settle!: { resolve: (module: M) => void; reject: (error: Error) => void };
  const promise = new Promise<M>((resolve, reject) => (settle = { resolve, reject }));
  return { load: () => promise, ...settle };
}

describe('Deferred', () => {
  it('announces what is loading, then shows the part once its module has arrived', async () => {
    const module = pendingModule<{ Greeting: (props: { name: string }) => React.ReactNode }>();
    const Greeting = lazyComponent(module.load, 'Greeting');
    await act(async () =>
      root.render(
        <Deferred what="the document">
          <Greeting name="Harbour log" />
        </Deferred>,
      ),
    );
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Loading the document…');

    await act(async () => module.resolve({ Greeting: ({ name }) => <h2>{name}</h2> }));
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe('Harbour log');
  });

  it('shows a part whose code was fetched ahead (preload) in the same render, with no loading message', async () => {
    const module = pendingModule<{ Greeting: (props: { name: string }) => React.ReactNode }>();
    const Greeting = lazyComponent(module.load, 'Greeting');
    const preloaded = Greeting.preload();
    await act(async () => module.resolve({ Greeting: ({ name }) => <h2>{name}</h2> }));
    await preloaded;
    // Rendered without act's flushing of suspended work: what the first render itself puts on the page.
    act(() =>
      root.render(
        <Deferred what="the document">
          <Greeting name="Harbour log" />
        </Deferred>,
      ),
    );
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe('Harbour log');
  });

  it('says the part could not be loaded, and offers to reload, when its module cannot be fetched', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const module = pendingModule<{ Editor: () => React.ReactNode }>();
    const Editor = lazyComponent(module.load, 'Editor');
    await act(async () =>
      root.render(
        <Deferred what="the editor">
          <Editor />
        </Deferred>,
      ),
    );
    await act(async () => module.reject(new TypeError('Failed to fetch dynamically imported module')));
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Casebook could not load the editor.');
    expect(alert?.querySelector('button')?.textContent).toBe('Reload');
    quiet.mockRestore();
  });

  it('leaves other errors to the boundary above it', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = lazyComponent(
      async () => ({
        Broken: (): React.ReactNode => {
          throw new Error('A bug, not a missing file');
        },
      }),
      'Broken',
    );
    await act(async () =>
      root.render(
        <Above>
          <Deferred what="the case">
            <Broken />
          </Deferred>
        </Above>,
      ),
    );
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.textContent).toBe('Above caught: A bug, not a missing file');
    quiet.mockRestore();
  });
});

class Above extends Component<{ children: React.ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? `Above caught: ${this.state.error.message}` : this.props.children;
  }
}
