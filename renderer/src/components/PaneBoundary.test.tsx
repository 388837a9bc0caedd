// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaneBoundary } from './PaneBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  // React and the boundary log the error they caught; the test reads the page instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

let broken = true;
function Entity() {
  if (broken) throw new TypeError("Cannot read properties of null (reading 'length')");
  return <p>Dario Venn</p>;
}

function Window({ at }: { at: string }) {
  return (
    <>
      <nav>Case sections</nav>
      <PaneBoundary what="This section" resetKey={at}>
        {at === 'entities' ? <Entity /> : <p>Notes</p>}
      </PaneBoundary>
    </>
  );
}

describe('PaneBoundary', () => {
  it('shows the error in words in the pane that failed, with ways on, and leaves the rest of the window', () => {
    broken = true;
    act(() => root.render(<Window at="entities" />));
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.querySelector('h2')?.textContent).toBe('This section could not be shown');
    expect(alert.textContent).toContain("Something went wrong: Cannot read properties of null (reading 'length'). What was saved is safe");
    expect([...alert.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Try again', 'Reload']);
    expect(alert.querySelector('a')?.getAttribute('href')).toBe('#/');
    expect(container.querySelector('nav')?.textContent).toBe('Case sections');
  });

  it('shows the pane again once it moves to something else, or when tried again', () => {
    broken = true;
    act(() => root.render(<Window at="entities" />));
    act(() => root.render(<Window at="notes" />));
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.textContent).toContain('Notes');

    act(() => root.render(<Window at="entities" />));
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    broken = false;
    act(() => container.querySelector<HTMLButtonElement>('[role="alert"] button')!.click());
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.textContent).toContain('Dario Venn');
  });
});
