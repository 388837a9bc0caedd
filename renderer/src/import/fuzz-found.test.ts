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

  it('pdf seed 1365: a PDF whose cross-reference entries for pages 2 and 3 are damaged imports, saying which pages are empty', async () => {
    // pdf.js itself leaves two promises of its own rejected and unhandled as it opens this file (its XRefEntryException
    // while checking the last page, inside its worker code): the parse is not affected, and nothing of ours can catch
    // them. What the import does is checked here.
    const document = await parseFound('pdf-1365-three-page-report.pdf');
    expect(document.pageCount).toBe(3);
    expect(document.warnings).toContain('Pages 2 and 3 could not be read and are left empty.');
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
