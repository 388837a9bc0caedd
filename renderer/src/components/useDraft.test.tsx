// @vitest-environment jsdom
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RichText } from '../../../shared/domain';
import { draftKey, flushDrafts, forgetDraft, hasDraft, readDraft, unsavedForms } from './drafts';
import { DraftNotice } from './Field';
import { DRAFT_DELAY_MS, useDraft, type Draft } from './useDraft';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type NoteValues = { title: string; body: RichText | null };

const KEY = draftKey('note', 'note-1');
const RECORD: NoteValues = { title: 'Harbour lead', body: null };
const paragraph = (text: string): RichText => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let root: Root;
let container: HTMLElement;
/** The hook's latest result, as the form last rendered it. */
let draft: Draft<NoteValues>;

function NoteForm({ initial = RECORD, label = 'the note “Harbour lead”' }: { initial?: NoteValues; label?: string }) {
  const current = useDraft(KEY, initial, label);
  useEffect(() => {
    draft = current;
  });
  return (
    <form aria-label="Note">
      <DraftNotice draft={current} />
      <output data-testid="title">{current.values.title}</output>
    </form>
  );
}

function open(element = <NoteForm />) {
  act(() => root.render(element));
}

function close() {
  act(() => root.render(<></>));
}

const stored = () => readDraft(KEY, RECORD);
const notice = () => container.querySelector('[aria-label="Unsaved draft"]');
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === name) ?? null;
const shownTitle = () => container.querySelector('[data-testid="title"]')!.textContent;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2024-05-06T10:30:00Z'));
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

describe('useDraft', () => {
  it('keeps what is typed once typing pauses, not at every keystroke', () => {
    open();
    act(() => draft.set.title('Harbour lead: the night shift'));
    expect(hasDraft(KEY)).toBe(false);
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    // The time written is when the pause ended.
    expect(stored()).toEqual({ savedAt: '2024-05-06T10:30:00.300Z', values: { title: 'Harbour lead: the night shift', body: null } });
    expect(draft.dirty).toBe(true);
  });

  it('keeps rich text as JSON', () => {
    open();
    act(() => draft.set.body(paragraph('Ask the harbour master.')));
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    expect(stored()?.values.body).toEqual(paragraph('Ask the harbour master.'));
  });

  it('writes the last keystroke at once when the form closes or the page goes away', () => {
    open();
    act(() => draft.set.title('Harbour lead 2'));
    flushDrafts();
    expect(stored()?.values.title).toBe('Harbour lead 2');

    act(() => draft.set.title('Harbour lead 3'));
    close();
    expect(stored()?.values.title).toBe('Harbour lead 3');
  });

  it('offers the draft back when the form opens again, and restores it', () => {
    open();
    act(() => draft.set.title('Harbour lead, revised'));
    act(() => draft.set.body(paragraph('Second thoughts.')));
    close();

    vi.setSystemTime(new Date('2024-05-07T08:00:00Z'));
    open();
    expect(notice()?.textContent).toContain('This form has an unsaved draft from');
    expect(draft.offer).toEqual({ savedAt: '2024-05-06T10:30:00.000Z' });
    // Until restored, the form shows the record.
    expect(shownTitle()).toBe('Harbour lead');
    expect(draft.dirty).toBe(false);

    const revision = draft.revision;
    act(() => button('Restore the unsaved draft')!.click());
    expect(shownTitle()).toBe('Harbour lead, revised');
    expect(draft.values.body).toEqual(paragraph('Second thoughts.'));
    expect(draft.revision).toBe(revision + 1);
    expect(draft.dirty).toBe(true);
    expect(notice()).toBeNull();
    expect(stored()?.values.title).toBe('Harbour lead, revised');
  });

  it('forgets the offered draft on Discard', () => {
    open();
    act(() => draft.set.title('Harbour lead, revised'));
    close();

    open();
    act(() => button('Discard')!.click());
    expect(notice()).toBeNull();
    expect(shownTitle()).toBe('Harbour lead');
    expect(hasDraft(KEY)).toBe(false);
    close();
    open();
    expect(notice()).toBeNull();
  });

  it('keeps an undecided draft while new typing is kept too, and goes back to it if that typing is undone', () => {
    open();
    act(() => draft.set.title('First draft'));
    close();

    open();
    act(() => draft.set.title('Harbour lead!'));
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    expect(stored()?.values.title).toBe('Harbour lead!');
    expect(notice()).not.toBeNull();

    act(() => draft.set.title('Harbour lead'));
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    expect(stored()?.values.title).toBe('First draft');
  });

  it('offers nothing when the stored draft matches the record, and removes it', () => {
    open();
    act(() => draft.set.title('Harbour lead, revised'));
    close();

    open(<NoteForm initial={{ title: 'Harbour lead, revised', body: null }} />);
    expect(notice()).toBeNull();
    expect(hasDraft(KEY)).toBe(false);
  });

  it('writes no draft when the typing comes back to the record', () => {
    open();
    act(() => draft.set.title('Harbour'));
    act(() => draft.set.title('Harbour lead'));
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    expect(hasDraft(KEY)).toBe(false);
    expect(draft.dirty).toBe(false);
  });

  it('leaves no draft after a save, and treats the saved values as the record', () => {
    open();
    act(() => draft.set.title('Harbour lead, saved'));
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    act(() => draft.saved(draft.values));
    expect(hasDraft(KEY)).toBe(false);
    expect(draft.dirty).toBe(false);
    close();
    expect(hasDraft(KEY)).toBe(false);
  });

  it('keeps typing that went on while a save ran', () => {
    open();
    act(() => draft.set.title('Harbour lead, saved'));
    const submitted = draft.values;
    act(() => draft.set.title('Harbour lead, saved and more'));
    act(() => draft.saved(submitted));
    expect(draft.dirty).toBe(true);
    expect(stored()?.values.title).toBe('Harbour lead, saved and more');
  });

  it('forgets the draft on Cancel, and the form is clean again', () => {
    open();
    act(() => draft.set.title('Harbour lead, abandoned'));
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    act(() => draft.clear());
    expect(hasDraft(KEY)).toBe(false);
    expect(draft.dirty).toBe(false);
    act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
    close();
    expect(hasDraft(KEY)).toBe(false);
  });

  it('tells the leave guard which open forms hold unsaved changes', () => {
    open();
    expect(unsavedForms()).toEqual([]);
    act(() => draft.set.title('Harbour lead, revised'));
    expect(unsavedForms()).toEqual(['the note “Harbour lead”']);
    close();
    expect(unsavedForms()).toEqual([]);
  });

  it('forgets a deleted record’s draft, in storage and in the open form', () => {
    open();
    act(() => draft.set.title('Harbour lead, revised'));
    act(() => forgetDraft(KEY));
    expect(unsavedForms()).toEqual([]);
    close();
    expect(hasDraft(KEY)).toBe(false);
  });

  it('ignores a stored draft it cannot read: damaged, of another format, or missing a field', () => {
    for (const text of ['{not json', JSON.stringify({ format: 99, savedAt: '2024-05-06T10:30:00Z', values: RECORD }),
      JSON.stringify({ format: 1, savedAt: '2024-05-06T10:30:00Z', values: { title: 'Only a title' } }),
      JSON.stringify({ format: 1, savedAt: '2024-05-06T10:30:00Z', values: { title: 7, body: null } })]) {
      localStorage.setItem(KEY, text);
      open();
      expect(notice()).toBeNull();
      close();
    }
  });

  it('goes on without drafts when the browser refuses to store them', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      open();
      act(() => draft.set.title('Harbour lead, revised'));
      act(() => vi.advanceTimersByTime(DRAFT_DELAY_MS));
      expect(shownTitle()).toBe('Harbour lead, revised');
      expect(warn).toHaveBeenCalled();
    } finally {
      setItem.mockRestore();
      warn.mockRestore();
    }
  });
});

describe('draftKey', () => {
  it('names the form and its record, or the case a new record goes to', () => {
    expect(draftKey('entity', 'e1', 'c1')).toBe('casebook.draft:entity:e1');
    expect(draftKey('entity', undefined, 'c1')).toBe('casebook.draft:entity:new:c1');
    expect(draftKey('case')).toBe('casebook.draft:case:new');
  });
});
