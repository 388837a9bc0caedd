import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../shared/domain';
import { matchingEntities } from './EntityPicker';

const entity = (name: string, aliases: string[] = []) => ({ id: name, name, aliases: aliases.map((alias) => ({ name: alias, origin: 'typed' })) }) as Entity;

describe('matchingEntities', () => {
  it('offers names that begin with what was typed first, then names holding it, then aliases, whatever the accents', () => {
    const entities = [entity('Office of the Public Prosecutor, Vellport'), entity('Port authority', ['Vellport port']), entity('Vellport')];
    expect(matchingEntities(entities, 'vellport').map((found) => found.name)).toEqual([
      'Vellport',
      'Office of the Public Prosecutor, Vellport',
      'Port authority',
    ]);
    expect(matchingEntities([entity('Frédéric Van Leeuw')], 'frederic')).toHaveLength(1);
  });
});
