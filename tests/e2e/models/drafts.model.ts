import type { Dialog, Locator, Page } from '@playwright/test';

/** Drafts of unsaved forms: the notice that offers one back, the question asked before leaving, reloading. */
export class DraftsModel {
  constructor(readonly page: Page) {}

  /** The notice in a form saying it has an unsaved draft, with Restore and Discard. */
  notice(form: Locator) {
    return form.getByRole('group', { name: 'Unsaved draft' });
  }

  async restore(form: Locator) {
    await this.notice(form).getByRole('button', { name: 'Restore the unsaved draft' }).click();
  }

  async discard(form: Locator) {
    await this.notice(form).getByRole('button', { name: 'Discard' }).click();
  }

  /** The app's question before leaving a form with unsaved changes for another page of the app. */
  get leaveDialog() {
    return this.page.getByRole('dialog', { name: 'Leave without saving?' });
  }

  /**
   * Reloads the page, answering "Leave" if the browser asks first. Returns the kind of question it asked
   * ("beforeunload"), or null when it did not ask.
   */
  async reload(): Promise<string | null> {
    let asked: string | null = null;
    const answer = (dialog: Dialog) => {
      asked = dialog.type();
      void dialog.accept();
    };
    this.page.on('dialog', answer);
    try {
      await this.page.reload();
    } finally {
      this.page.off('dialog', answer);
    }
    return asked;
  }

  /** The keys of the drafts the app keeps in this browser's local storage. */
  storedDrafts(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('casebook.draft:')));
  }

  /** The drafts kept in the drafts' own IndexedDB database (renderer/src/components/draftStore.ts), as stored text. */
  onDisk(): Promise<string[]> {
    return this.page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const opening = indexedDB.open('casebook-drafts');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const db = opening.result;
            if (!db.objectStoreNames.contains('drafts')) {
              db.close();
              resolve([]);
              return;
            }
            const reading = db.transaction('drafts').objectStore('drafts').getAll();
            reading.onerror = () => reject(reading.error);
            reading.onsuccess = () => {
              db.close();
              resolve((reading.result as { text: string }[]).map((draft) => draft.text));
            };
          };
        }),
    );
  }
}
