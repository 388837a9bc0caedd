// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tagPath } from '../../../../shared/codebook';
import { db } from '../../app/database';
import { createCase, createTag } from '../../domain';
import { TagPicker } from './TagPicker';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let caseId = '';
let root: Root;
let container: HTMLElement;

/** The picker as the excerpt form holds it: the chosen tags are the form's. */
function ExcerptForm() {
  const [tags, setTags] = useState<string[]>([]);
  return <TagPicker caseId={caseId} value={tags} onChange={setTags} />;
}

beforeAll(async () => {
  caseId = (await createCase(db, { name: 'Quay ledger' })).id;
  const evidence = await createTag(db, caseId, { name: 'Évidence' });
  await createTag(db, caseId, { name: 'Arrests', parentId: evidence.id });
  await createTag(db, caseId, { name: 'Harbour' });
});
afterAll(async () => {
  db.close();
  await db.delete();
});

beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<ExcerptForm />));
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

const input = () => container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
const options = () => [...container.querySelectorAll('[role="option"]')].map((option) => option.textContent);
const selected = () => container.querySelector('[role="option"][aria-selected="true"]')?.textContent;
const chips = () => [...container.querySelectorAll('.tag-chips li')].map((chip) => chip.textContent?.replace('×', ''));
const alert = () => container.querySelector('[role="alert"]')?.textContent;
const paths = async () => {
  const tags = await db.tags.where('caseId').equals(caseId).toArray();
  return tags.map((tag) => tagPath(tags, tag.id)).sort();
};

/** Waits, a turn of the event loop at a time, for the codebook and the picker to show what is asked. */
async function until(condition: () => boolean) {
  for (let attempt = 0; attempt < 100 && !condition(); attempt++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(condition()).toBe(true);
}

async function type(value: string) {
  await act(async () => {
    input().focus();
    // React listens to the native setter's change, not to assignments it made itself.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(key: string) {
  await act(async () => void input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
}

describe('TagPicker', () => {
  it('finds tags by their path typed with any separator, case and accents', async () => {
    await type('evidence > arr');
    await until(() => options().length > 0);
    expect(selected()).toBe('Évidence › Arrests');
    await type('EVIDENCE/ARRESTS');
    await until(() => options().length > 0);
    // The tag exists: it is offered to pick, not to create again.
    expect(options()).toEqual(['Évidence › Arrests']);
  });

  it('offers to create a tag typed as a path under the tag its parent names, and picks it', async () => {
    for (const typed of ['Evidence › Raids', 'evidence > Raids', 'EVIDENCE / Raids']) {
      await type(typed);
      await until(() => options().includes('Create “Raids” under Évidence'));
    }
    await type('évidence > arrests / Night raids');
    await until(() => options().length > 0);
    expect(options()).toEqual(['Create “Night raids” under Évidence › Arrests']);
    await press('Enter');
    await until(() => chips().length === 1 && chips()[0] === 'Évidence › Arrests › Night raids');
    expect(input().value).toBe('');
    expect(await paths()).toContain('Évidence › Arrests › Night raids');
  });

  it('still creates a tag typed without a parent at the top', async () => {
    await type('Witnesses');
    await until(() => options().includes('Create tag “Witnesses”'));
    await press('ArrowDown');
    await press('Enter');
    await until(() => chips()[0] === 'Witnesses');
    expect(await paths()).toContain('Witnesses');
  });

  it('says which parent does not exist, and creates nothing', async () => {
    await type('Evidnce / Raids');
    await until(() => alert() !== undefined);
    expect(alert()).toBe('There is no tag “Evidnce” in the codebook to put a sub-tag under. Check its spelling, or add that tag first.');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(options()).toEqual([]);
    const before = await paths();
    await press('Enter');
    expect(await paths()).toEqual(before);
    expect(chips()).toEqual([]);
    await type('Harbour > Arrests > Raids');
    await until(() => alert()?.includes('“Harbour › Arrests”') ?? false);
  });

  it('shows the codebook’s refusal where the tag was typed, and forgets it once the text changes', async () => {
    await type(`Harbour / ${'x'.repeat(61)}`);
    await until(() => options().length === 1);
    await press('Enter');
    await until(() => alert() !== undefined);
    expect(alert()).toMatch(/^Tag name/);
    expect(chips()).toEqual([]);
    await type('Harbour / Quay');
    await until(() => alert() === undefined);
  });
});
