import { describe, expect, it } from 'vitest';
import { nameFromSelection } from './entityName';

describe('nameFromSelection', () => {
  it('keeps a name as selected', () => {
    expect(nameFromSelection('Port of Aster')).toBe('Port of Aster');
    expect(nameFromSelection('Łódź')).toBe('Łódź');
  });

  it('drops what a selection picks up around a name', () => {
    expect(nameFromSelection(' “Quayline Logistics,” ')).toBe('Quayline Logistics');
    expect(nameFromSelection('Dario\nVenn.')).toBe('Dario Venn');
    expect(nameFromSelection('(Marta Kowal)')).toBe('Marta Kowal');
  });

  it('drops an English possessive, keeping a name that ends in s', () => {
    expect(nameFromSelection('Dario Venn’s')).toBe('Dario Venn');
    expect(nameFromSelection("the Kestrel's")).toBe('the Kestrel');
    expect(nameFromSelection('Saltmere Docks')).toBe('Saltmere Docks');
  });

  it('keeps the marks phones, handles and addresses are written with', () => {
    expect(nameFromSelection('J.-P. Leclerc')).toBe('J.-P. Leclerc');
    expect(nameFromSelection('(+44 20 7946 0958)')).toBe('+44 20 7946 0958');
    expect(nameFromSelection('@quayline_ops,')).toBe('@quayline_ops');
    expect(nameFromSelection('dispatch@quayline.example.')).toBe('dispatch@quayline.example');
  });
});
