import { describe, expect, it } from 'vitest';
import { LIMITS, UNZIPPED_PART_SIZE, UNZIPPED_RATIO, UNZIPPED_SIZE } from '../../../shared/limits';
import { craftZip, sparseBytes, wordParts, type CraftedEntry } from '../../../tests/unit/craftedZips';
import { readFixture } from '../../../tests/fixtures/read-fixture';
import { parseFile } from './parse';
import { ImportError } from './types';
import { listZipEntries } from './zip';

const MEGABYTE = 1024 * 1024;
const court = () => wordParts(readFixture('court-filing.docx'));

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await parseFile({ name: 'report.docx', bytes }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

describe('zip bombs in Word documents', () => {
  it('states its limits in the messages', () => {
    expect(UNZIPPED_SIZE.message('report.docx')).toBe('report.docx would unpack to more than 300 MB, more than Casebook imports: it was not imported.');
    expect(UNZIPPED_PART_SIZE.refusal('word/media/image1.png')).toBe(
      'holds a part (“word/media/image1.png”) that would unpack to more than 100 MB, more than Casebook imports: it was not imported.',
    );
    expect(UNZIPPED_RATIO.refusal('word/document.xml')).toContain('more than 500 times its compressed size, as a zip bomb does');
  });

  it('counts the bytes a part really unpacks to, not the size its headers declare', async () => {
    const bomb = craftZip([...court(), { name: 'word/media/image9.bin', data: sparseBytes(LIMITS.unzippedPartBytes + MEGABYTE), declaredSize: 2048 }]);
    expect(listZipEntries(bomb)?.find((entry) => entry.name === 'word/media/image9.bin')?.size).toBe(2048);
    expect(await refusal(bomb)).toBe(UNZIPPED_PART_SIZE.refusal('word/media/image9.bin'));
  }, 120_000);

  it('refuses a part that unpacks to a thousand times its compressed size, a megabyte in', async () => {
    const bomb = craftZip([...court(), { name: 'word/document2.xml', data: new Uint8Array(50 * MEGABYTE), declaredSize: 10 }]);
    expect(await refusal(bomb)).toBe(UNZIPPED_RATIO.refusal('word/document2.xml'));
  }, 120_000);

  it('refuses hundreds of parts that unpack to more than the total limit', async () => {
    // Each under the megabyte past which the ratio is looked at.
    const part = new Uint8Array(MEGABYTE - 1);
    const parts: CraftedEntry[] = Array.from({ length: 400 }, (_, i) => ({ name: `word/media/p${i}.bin`, data: part }));
    expect(parts.length * part.byteLength).toBeGreaterThan(LIMITS.unzippedBytes);
    expect(await refusal(craftZip([...court(), ...parts]))).toBe(UNZIPPED_SIZE.refusal());
  }, 120_000);

  it('counts a part each time the directory lists it, when many names share its data', async () => {
    const kernel = { name: 'word/media/kernel.bin', data: sparseBytes(90 * MEGABYTE) };
    const aliases = [1, 2, 3].map((i) => ({ name: `word/media/alias${i}.bin`, of: kernel.name }));
    const bomb = craftZip([...court(), kernel], aliases);
    expect(bomb.byteLength).toBeLessThan(5 * MEGABYTE);
    expect(await refusal(bomb)).toBe(UNZIPPED_SIZE.refusal());
  }, 120_000);

  it('imports a document holding a zip of zips: it is never unpacked, so only its own bytes count', async () => {
    const zeros = new Uint8Array(10 * MEGABYTE);
    const inner = craftZip(Array.from({ length: 10 }, (_, i) => ({ name: `${i}.bin`, data: zeros })));
    const nested = craftZip(Array.from({ length: 10 }, (_, i) => ({ name: `${i}.zip`, data: inner, stored: true })));
    const document = await parseFile({ name: 'report.docx', bytes: craftZip([...court(), { name: 'word/embeddings/nested.zip', data: nested, stored: true }]) });
    expect(document.text).toContain('The key register showed no entries after 17:40.');
  }, 120_000);

  it('imports a large document within the limits', async () => {
    const big = craftZip([
      ...court(),
      { name: 'word/media/scan1.bin', data: sparseBytes(90 * MEGABYTE, 7) },
      { name: 'word/media/scan2.bin', data: sparseBytes(90 * MEGABYTE, 8) },
    ]);
    const document = await parseFile({ name: 'report.docx', bytes: big });
    expect(document.title).toBe('Witness statement of E. Marsh (HC-2023-000417)');
    expect(document.text).toContain('The key register showed no entries after 17:40.');
  }, 120_000);
});
