import { expect, type Locator, type Page } from '@playwright/test';
import { WorkspacePage } from './workspace.model';

/** What a relationship form is filled with; left out, a field keeps what it has. */
export interface RelationshipFields {
  type?: string;
  /** The other entity, as typed in its finder; picked with Enter (the first match). */
  other?: string;
  /** Whether the relationship goes from the other entity to this one. */
  incoming?: boolean;
  from?: string;
  to?: string;
  confidence?: string;
  /** Excerpts to tick, each found by words of its quote. */
  excerpts?: string[];
}

/** An entity's page: its facts, relationships and what is linked to it, grouped. */
export class EntityPage {
  constructor(readonly page: Page) {}

  async open(name: string) {
    const workspace = new WorkspacePage(this.page);
    await workspace.openSection('Entities');
    await workspace.list('Entities').getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }

  get article(): Locator {
    return this.page.getByRole('article');
  }

  get relationships(): Locator {
    return this.article.getByRole('list', { name: 'Relationships', exact: true });
  }

  relationship(words: string): Locator {
    return this.relationships.getByRole('listitem', { name: words, exact: true });
  }

  get relationshipForm(): Locator {
    return this.page.getByRole('form', { name: /^(New|Edit) relationship$/ });
  }

  async fillRelationship(fields: RelationshipFields) {
    const form = this.relationshipForm;
    if (fields.type) await form.getByLabel('Relationship', { exact: true }).selectOption({ label: fields.type });
    if (fields.other !== undefined) {
      await form.getByRole('combobox', { name: 'Other entity' }).fill(fields.other);
      await form.getByRole('combobox', { name: 'Other entity' }).press('Enter');
    }
    if (fields.incoming !== undefined) await form.getByRole('radio').nth(fields.incoming ? 1 : 0).check();
    if (fields.from !== undefined) await form.getByLabel('From', { exact: true }).fill(fields.from);
    if (fields.to !== undefined) await form.getByLabel('To', { exact: true }).fill(fields.to);
    if (fields.confidence) await form.getByLabel('Confidence').selectOption(fields.confidence);
    for (const words of fields.excerpts ?? []) {
      await form.getByRole('searchbox', { name: 'Find excerpts' }).fill(words);
      await form.getByRole('checkbox', { name: new RegExp(words) }).check();
    }
  }

  async addRelationship(fields: RelationshipFields) {
    await this.article.getByRole('button', { name: 'Add relationship' }).click();
    await this.fillRelationship(fields);
    await this.relationshipForm.getByRole('button', { name: 'Add relationship' }).click();
  }
}
