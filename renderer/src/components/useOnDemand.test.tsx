// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notices } from './Notices';
import { once, useOnDemand } from './useOnDemand';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  for (const button of container.querySelectorAll('.notice-bar button')) await act(async () => (button as HTMLElement).click());
  act(() => root.unmount());
  container.remove();
});

type Form = (props: { name: string }) => React.ReactNode;

/** A form whose loading the test finishes (or fails) when it chooses. */
function pendingForm() {
  let settle!: { resolve: (form: Form) => void; reject: (error: Error) => void };
  const promise = new Promise<Form>((resolve, reject) => (settle = { resolve, reject }));
  return { load: vi.fn(() => promise), ...settle };
}

function Opener({ load }: { load: () => Promise<Form> }) {
  const [open, setOpen] = useState(false);
  const [LoadedForm, withForm] = useOnDemand(load, 'the form');
  return (
    <>
      <button type="button" onClick={() => withForm(() => setOpen(true))}>
        Open
      </button>
      {open && LoadedForm && <LoadedForm name="Harbour" />}
      <Notices />
    </>
  );
}

const clickOpen = () => act(async () => container.querySelector('button')!.click());

describe('useOnDemand', () => {
  it('shows the component once it has loaded, whole, in the render that opens it', async () => {
    const form = pendingForm();
    await act(async () => root.render(<Opener load={form.load} />));
    expect(form.load).not.toHaveBeenCalled();

    await clickOpen();
    expect(container.querySelector('h2')).toBeNull();
    await act(async () => form.resolve(({ name }) => <h2>{name}</h2>));
    expect(container.querySelector('h2')?.textContent).toBe('Harbour');
  });

  it('says so when the component cannot be fetched', async () => {
    const form = pendingForm();
    await act(async () => root.render(<Opener load={form.load} />));
    await clickOpen();
    await act(async () => form.reject(new TypeError('Failed to fetch dynamically imported module')));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Casebook could not load the form. Reload the window to try again; nothing you saved is lost.',
    );
    expect(container.querySelector('h2')).toBeNull();
  });
});

describe('once', () => {
  it('loads once, whoever asks', async () => {
    const load = vi.fn(async () => 'module');
    const loadOnce = once(load);
    expect(await Promise.all([loadOnce(), loadOnce()])).toEqual(['module', 'module']);
    expect(load).toHaveBeenCalledOnce();
  });
});
