import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase, importDocument, sha256Hex } from '../../renderer/src/domain';
import { importFiles, type IncomingFile } from '../../renderer/src/import/pipeline';
import { ImportWorkerClient } from '../../renderer/src/import/client';
import { emptyDocument } from '../../renderer/src/import/document';

/**
 * Imports a generated batch through the real pipeline (worker parsing, sanitising, storing) while a
 * PerformanceObserver records every main-thread task longer than 50 ms. `cleanUp: false` imports without taking site
 * text out, as Casebook did before: the baseline the clean-up's cost is measured against.
 */
export async function importBatch(files: { name: string; base64: string }[], options: { cleanUp?: boolean } = {}) {
  const incoming: IncomingFile[] = files.map(({ name, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return { name, size: bytes.byteLength, bytes };
  });
  const inputBytes = incoming.reduce((sum, file) => sum + file.size, 0);
  const db = new CasebookDB(`bench-import-${crypto.randomUUID()}`);
  const caseFile = await createCase(db, { name: 'Import benchmark' });
  const client = new ImportWorkerClient();

  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
  observer.observe({ type: 'longtask', buffered: false });

  const started = performance.now();
  const outcomes = await importFiles(db, caseFile.id, incoming, (file, { signal }) => client.parse(file, { signal, cleanUp: options.cleanUp }));
  const elapsedMs = performance.now() - started;
  // Let the observer deliver the last entries.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  client.dispose();

  const documents = await db.documents.where('caseId').equals(caseFile.id).toArray();
  const textChars = documents.reduce((sum, document) => sum + document.text.length, 0);
  await db.delete();
  return {
    imported: outcomes.filter((outcome) => outcome.status === 'imported').length,
    failed: outcomes.flatMap((outcome) => (outcome.status === 'imported' ? [] : [outcome.message])),
    elapsedMs,
    inputBytes,
    textChars,
    longestTaskMs: Math.max(0, ...longTasks),
    tasksOver200Ms: longTasks.filter((duration) => duration > 200).length,
  };
}

/** Stores extracted text through the domain layer alone: `count` documents of `charsEach` characters. */
export async function storeExtractedText(count: number, charsEach: number) {
  const db = new CasebookDB(`bench-store-${crypto.randomUUID()}`);
  const caseFile = await createCase(db, { name: 'Store benchmark' });
  const line = 'The harbour ledger recorded berthing fees, fuel sales and rents on the east quay. ';
  const texts = Array.from({ length: count }, (_, index) => `${index} ${line.repeat(Math.ceil(charsEach / line.length))}`.slice(0, charsEach));
  const files = await Promise.all(
    texts.map(async (text) => {
      const bytes = new TextEncoder().encode(text);
      return { text, bytes, sha256: await sha256Hex(bytes) };
    }),
  );
  const started = performance.now();
  for (const [index, { text, bytes, sha256 }] of files.entries()) {
    await importDocument(db, caseFile.id, {
      fileName: `text-${index}.txt`,
      mimeType: 'text/plain',
      bytes,
      sha256,
      extracted: { ...emptyDocument('text'), title: `Text ${index}`, text, charset: 'utf-8' },
    });
  }
  const elapsedMs = performance.now() - started;
  await db.delete();
  return { elapsedMs, megabytes: (count * charsEach) / 1024 / 1024 };
}
