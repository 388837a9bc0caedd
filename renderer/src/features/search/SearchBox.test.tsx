// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../app/database';
import { createCase, createEntity, createTextDocument } from '../../domain';
import { searchIndexOf } from '../../app/caseSearch';
import { SearchBox } from './SearchBox';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let caseId = '';
let root: Root;
let container: HTMLElement;

function Where() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

beforeAll(async () => {
  caseId = (await createCase(db, { name: 'Harbour charter' })).id;
  await createEntity(db, caseId, { name: 'Frédéric Łódź', type: 'person', aliases: ['Fred'] });
  await createTextDocument(db, caseId, { title: 'Harbour log', text: 'Frederic Lodz signed the charter at the harbour.' });
  await searchIndexOf(caseId).flush();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <MemoryRouter initialEntries={[`/case/${caseId}`]}>
        <Routes>
          <Route
            path="/case/:caseId/*"
            element={
              <>
                <SearchBox caseId={caseId} />
                <Where />
              </>
            }
          />
        </Routes>
      </MemoryRouter>,
    ),
  );
});

afterAll(async () => {
  act(() => root.unmount());
  container.remove();
  db.close();
  await db.delete();
});

const input = () => container.querySelector<HTMLInputElement>('input[aria-label="Search this case"]')!;
const options = () => [...container.querySelectorAll<HTMLElement>('[role="option"]')];
const status = () => container.querySelector('[role="status"]')?.textContent ?? '';

async function type(value: string) {
  await act(async () => {
    input().focus();
    // React listens to the native setter's change, not to assignments it made itself.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  // The box waits for typing to pause, then reads the records; until then it shows the results it had.
  for (let attempt = 0; attempt < 50 && !status().includes(`“${value.trim()}”`); attempt++)
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
}

async function press(key: string) {
  await act(async () => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

describe('SearchBox', () => {
  it('is a search landmark with a labelled box', () => {
    expect(container.querySelector('[role="search"] input[role="combobox"]')).toBe(input());
  });

  it('lists results as one types, with their type and the matches marked', async () => {
    await type('frederic');
    expect(options().map((option) => option.querySelector('.hit-title')?.textContent)).toEqual([
      'Frédéric Łódź',
      'Harbour log',
    ]);
    expect(options()[0]!.querySelector('.hit-type')?.textContent).toBe('Entity');
    expect([...options()[1]!.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Frederic']);
    expect(status()).toBe('2 results for “frederic”');
  });

  it('moves through the results with Up and Down and opens the chosen one with Enter', async () => {
    await type('lodz');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    await press('ArrowUp');
    await press('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    await press('Enter');
    const href = container.querySelector('[data-testid="location"]')!.textContent;
    expect(href).toMatch(new RegExp(`^/case/${caseId}/documents/[^?]+\\?q=Lodz$`));
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('says when nothing matches', async () => {
    await type('zanzibar');
    expect(options()).toEqual([]);
    expect(status()).toBe('No results for “zanzibar”.');
  });
});
