// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { linkChartFigureSvg } from './linkChartFigure';
import { entity, records, relationship } from './testCase';

const OPTIONS = { width: 680, maxHeight: 900 };

function parse(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.querySelector('parsererror')).toBeNull();
  return document;
}

const discs = (document: Document) =>
  new Map([...document.querySelectorAll('circle[r]')].filter((circle) => circle.closest('g')!.querySelector('title')).map((circle) => [
    circle.closest('g')!.querySelector('title')!.textContent!,
    { x: Number(circle.getAttribute('cx')), y: Number(circle.getAttribute('cy')) },
  ]));

describe('the link chart figure', () => {
  it('is nothing for a case without entities', () => {
    expect(linkChartFigureSvg(records([]), {}, OPTIONS)).toBe('');
  });

  it('draws every entity and relationship, styled by confidence, within the width and height', () => {
    const people = Array.from({ length: 12 }, (_, index) => entity(`p${index}`, `Person ${index}`, index % 3 ? 'person' : 'organisation'));
    const links = people.slice(1).map((person, index) => relationship(`r${index}`, 'p0', person.id, 'works-for', index % 2 ? 'probable' : 'confirmed'));
    links.push(relationship('again', 'p0', 'p1', 'related-to', 'possible'));
    const svg = linkChartFigureSvg(records(people, links), {}, OPTIONS);
    const document = parse(svg);
    const root = document.querySelector('svg')!;
    expect(Number(root.getAttribute('width'))).toBe(680);
    expect(Number(root.getAttribute('height'))).toBeLessThanOrEqual(900);
    const drawn = discs(document);
    for (const person of people) expect(drawn.has(`${person.name} (${person.type === 'person' ? 'person' : 'organisation'})`)).toBe(true);
    const lines = [...document.querySelectorAll('path > title')].map((title) => title.textContent);
    expect(lines).toHaveLength(links.length);
    expect(lines).toContain('Person 0 related to Person 1 (possible)');
    expect(document.querySelectorAll('path[stroke-dasharray]').length).toBeGreaterThan(0);
    // Every name fits at this size.
    expect(root.querySelector('desc')!.textContent).toContain('Every entity is named');
    for (const person of people) expect(root.textContent).toContain(person.name);
  });

  it('keeps the researcher’s arrangement: left stays left, up stays up', () => {
    const people = [entity('a', 'Anna'), entity('b', 'Borys'), entity('c', 'Cezary'), entity('d', 'Dorota')];
    const positions = { a: { x: -100, y: 50 }, b: { x: 100, y: 60 }, c: { x: 0, y: -80 } };
    const svg = linkChartFigureSvg(records(people, [relationship('r', 'a', 'd'), relationship('s', 'c', 'd')]), positions, OPTIONS);
    const drawn = discs(parse(svg));
    const [a, b, c] = ['Anna (person)', 'Borys (person)', 'Cezary (person)'].map((name) => drawn.get(name)!);
    expect(a!.x).toBeLessThan(c!.x);
    expect(c!.x).toBeLessThan(b!.x);
    // Graph coordinates grow upwards: Cezary, placed lowest, is drawn lowest.
    expect(c!.y).toBeGreaterThan(a!.y);
    expect(a!.y).toBeGreaterThan(b!.y);
    expect(drawn.has('Dorota (person)')).toBe(true);
  });

  it('escapes names and links each disc to its entry', () => {
    const people = [entity('x', '<img src=x onerror=alert(1)> & "Co"'), entity('y', 'Ordinary')];
    const svg = linkChartFigureSvg(records(people, [relationship('r', 'x', 'y')]), {}, { ...OPTIONS, anchorOf: (id) => (id === 'x' ? `entity-${id}` : null) });
    expect(svg).not.toContain('<img');
    const document = parse(svg);
    expect(document.querySelectorAll('a')).toHaveLength(1);
    expect(document.querySelector('a')!.getAttribute('href')).toBe('#entity-x');
    expect(document.querySelector('a title')!.textContent).toBe('<img src=x onerror=alert(1)> & "Co" (person)');
  });

  it('names the most connected of 300 entities and says the others are in the index', () => {
    const people = Array.from({ length: 300 }, (_, index) => entity(`p${index}`, `Entity with a name ${index}`));
    const links = people.slice(1).map((person, index) => relationship(`r${index}`, `p${index % 10}`, person.id));
    const svg = linkChartFigureSvg(records(people, links), {}, OPTIONS);
    const document = parse(svg);
    expect(discs(document).size).toBe(300);
    expect(document.querySelectorAll('path > title')).toHaveLength(299);
    const named = [...document.querySelectorAll('text')].filter((text) => text.textContent!.startsWith('Entity with a name'));
    const description = /The (\d+) most connected entities are named; the other (\d+) are .* listed in the entity index/.exec(document.querySelector('desc')!.textContent!);
    expect(description).not.toBeNull();
    expect(Number(description![1])).toBe(named.length);
    expect(Number(description![1]) + Number(description![2])).toBe(300);
    expect(named.length).toBeGreaterThan(60);
    for (const text of document.querySelectorAll('text')) expect(Number(text.getAttribute('font-size') ?? 9.5)).toBeGreaterThanOrEqual(9.5);
  });
});
