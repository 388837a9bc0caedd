import type { Excerpt } from '../../shared/domain';
import { anchorAt } from '../../renderer/src/anchoring/anchor';
import { CasebookDB } from '../../renderer/src/db/schema';
import { createCase, createTextDocument } from '../../renderer/src/domain';

/**
 * A case with one long text document (`paragraphs` paragraphs) and `count` excerpts spread evenly through it, some
 * overlapping their neighbours, for the reader's highlights benchmark. The document goes through the domain layer;
 * the excerpts are added raw (anchored as the domain would anchor them), since only drawing them is measured.
 */
export async function seedHighlightedDocument(options: { paragraphs: number; count: number }) {
  const db = new CasebookDB();
  const caseFile = await createCase(db, { name: `Highlights (${options.count} excerpts)` });
  const paragraphs = Array.from(
    { length: options.paragraphs },
    (_, index) =>
      `Paragraph ${index + 1}. The harbour master noted that vessel ${index % 97} berthed at quay ${index % 13} before dawn, ` +
      `and that its manifest listed ${index * 7} containers of grain, timber and copper wire for the inland depots.`,
  );
  const text = paragraphs.join('\n\n');
  const document = await createTextDocument(db, caseFile.id, { title: 'Harbour log (long)', text });
  const at = new Date().toISOString();
  const excerpts: Excerpt[] = [];
  const step = text.length / options.count;
  for (let index = 0; index < options.count; index++) {
    const start = Math.floor(index * step);
    // Every fifth excerpt reaches into the next one, so overlaps are drawn too.
    const end = Math.min(text.length, start + (index % 5 === 0 ? Math.ceil(step * 1.5) : Math.ceil(step / 2)));
    excerpts.push({
      id: crypto.randomUUID(),
      caseId: caseFile.id,
      documentId: document.id,
      quote: text.slice(start, end),
      anchor: anchorAt(text, start, end),
      orphaned: false,
      detachedFrom: null,
      comment: null,
      tags: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  await db.excerpts.bulkAdd(excerpts);
  db.close();
  return { caseId: caseFile.id, documentId: document.id };
}
