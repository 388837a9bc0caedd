import { describe, expect, it } from 'vitest';
import type { CaseRelationshipType } from '../../../../shared/domain';
import type { ExcerptChoice } from '../../db/queries/entities';
import { inverseForEditing, readRelationship, relationshipTypeChoices, relationshipTypeWords, supportingExcerptChoices } from './relationshipView';

const director: CaseRelationshipType = {
  id: 't1',
  caseId: 'c',
  label: 'director of',
  inverse: 'directed by',
  labelKey: 'director of',
  createdAt: '',
  updatedAt: '',
};

describe('readRelationship', () => {
  it('reads a relationship from either end, with the inverse label from the end it goes to', () => {
    const worksFor = { from: 'anna', to: 'harbour', type: 'works-for' };
    expect(readRelationship(worksFor, 'anna', [])).toEqual({ words: 'works for', otherId: 'harbour', outgoing: true });
    expect(readRelationship(worksFor, 'harbour', [])).toEqual({ words: 'employs', otherId: 'anna', outgoing: false });
    expect(readRelationship({ from: 'anna', to: 'harbour', type: 't1' }, 'harbour', [director]).words).toBe('directed by');
  });

  it('reads a type the case no longer has as "related to" rather than hiding it', () => {
    expect(readRelationship({ from: 'anna', to: 'harbour', type: 'gone' }, 'anna', []).words).toBe('related to');
  });
});

describe('relationshipTypeChoices', () => {
  it('offers the built-in types, then the case’s own with their inverse labels', () => {
    const choices = relationshipTypeChoices([director]);
    expect(choices.map((choice) => choice.label)).toEqual(['member of', 'works for', 'owns', 'located in', 'contacted', 'related to', 'director of']);
    expect(choices.at(-1)).toMatchObject({ value: 't1', inverse: 'directed by', symmetric: false, own: true });
    expect(choices.find((choice) => choice.value === 'contacted')?.symmetric).toBe(true);
  });
});

describe('supportingExcerptChoices', () => {
  const excerpt = (id: string, quote: string, linked = false, source = 'Herald'): ExcerptChoice => ({ id, quote, source, linked });
  const excerpts = [excerpt('e1', 'Raids at dawn'), excerpt('e2', 'Frédéric Venn was detained', true), excerpt('e3', 'Frozen fish', false, 'Port log')];

  it('offers the excerpts linked to the entities first', () => {
    expect(supportingExcerptChoices(excerpts, '', [], 10).map((choice) => choice.id)).toEqual(['e2', 'e1', 'e3']);
  });

  it('finds by words of the quote or the document’s title, whatever the case and accents', () => {
    expect(supportingExcerptChoices(excerpts, 'frederic', [], 10).map((choice) => choice.id)).toEqual(['e2']);
    expect(supportingExcerptChoices(excerpts, 'PORT', [], 10).map((choice) => choice.id)).toEqual(['e3']);
  });

  it('keeps the chosen ones in sight whatever is typed or cut off', () => {
    expect(supportingExcerptChoices(excerpts, 'fish', ['e1'], 10).map((choice) => choice.id)).toEqual(['e1', 'e3']);
    expect(supportingExcerptChoices(excerpts, '', ['e3'], 1).map((choice) => choice.id)).toEqual(['e3', 'e2']);
  });
});

describe('relationshipTypeWords', () => {
  it('says how a type reads both ways, once for one that reads the same', () => {
    expect(relationshipTypeWords(relationshipTypeChoices([director]).at(-1)!)).toBe('director of / directed by');
    expect(relationshipTypeWords(relationshipTypeChoices([]).find((choice) => choice.value === 'contacted')!)).toBe('contacted (both ways)');
  });
});

describe('inverseForEditing', () => {
  it('leaves the inverse empty for a type that reads the same both ways, so a new label keeps it so', () => {
    expect(inverseForEditing(director)).toBe('directed by');
    expect(inverseForEditing({ ...director, label: 'Married to', labelKey: 'married to', inverse: 'married  to' })).toBe('');
  });
});
