import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { parseHtmlDocument } from './dom';
import { parseFile } from './parse';

/**
 * Inputs the importers' fuzz (tests/fuzz/) found failing, kept as they were found (`tests/fixtures/fuzz/`, named by
 * importer and seed), each with what the import now does with it.
 */
const parseFound = (name: string) => parseFile({ name, bytes: readFixture(`fuzz/${name}`) });

describe('inputs the fuzz found', () => {
  it('html seed 49: a page whose article ended up in its <head> is read from there, as a browser would show it', async () => {
    // A repeated chunk cut a <link> tag in half: linkedom left the article inside the head, and Readability, walking
    // up from it for a <body>, read a property of null.
    const document = await parseFound('html-49-hostile.html');
    expect(document.title).toBe('Council minutes show budget overrun');
    expect(document.text).toContain('La oposición criticó que el pliego no incluya un calendario de penalizaciones.');
  });

  it('html seed 504: a page whose first tag never closes imports empty, as a browser shows it, without failing', async () => {
    // `<html lang="en…` with its quote never closed: linkedom made no root element, and reading the body threw.
    const document = await parseFound('html-504-trawler-seizure.html');
    expect(document.text).toBe('');
  });

  it('docx seed 243: a Word document with a part whose deflated data is broken is refused as damaged, before mammoth', async () => {
    // Overwritten bytes left "invalid distance" in a part's data: mammoth's inflater read on, and the conversion never
    // ended (the app's import worker would have been stopped after its 60 s).
    await expect(parseFound('docx-243-court-filing.docx')).rejects.toThrow(
      'is damaged or incomplete and could not be read as a Word document (.docx).',
    );
  });

  it('gives every parsed page a root, a head of metadata and a body of the rest', () => {
    for (const markup of ['just text', '<html><head><title>T</title><p>Lost in the head</p></head></html>', '<!doctype html>\n<html lang="en']) {
      const document = parseHtmlDocument(markup);
      expect([...document.documentElement.children].map((element) => element.tagName), markup).toEqual(['HEAD', 'BODY']);
      expect(document.head.querySelector('p'), markup).toBeNull();
    }
    expect(parseHtmlDocument('<html><head><title>T</title><p>Lost in the head</p></head></html>').body.textContent).toBe('Lost in the head');
  });
});
