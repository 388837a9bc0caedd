import { queries } from '../app/casebook';
import { host } from '../platform';
import { notify } from '../components/notices';
import { caseFileName } from '../features/shared/caseFileName';
import { followTheMoneyLines } from './followTheMoney';
import { buildQdpx } from './refiQda';

/** The exports to other tools' formats, read from the case and saved through the host's save dialog. */

const CASE_GONE = 'The case could not be read: it may have been deleted in another window.';

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The case's entities and relationships as FollowTheMoney entities, one JSON object a line. */
export async function saveFollowTheMoney(caseId: string): Promise<void> {
  const records = await queries.entityGraphRecords(caseId);
  if (!records) throw new Error(CASE_GONE);
  if (!records.entities.length) {
    notify('info', `“${records.caseFile.name}” has no entities to export yet.`);
    return;
  }
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let lines = 0;
  for (const line of followTheMoneyLines(records)) {
    chunks.push(encoder.encode(line));
    lines += 1;
  }
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.byteLength), 0);
  const result = await host.saveFile({
    suggestedName: caseFileName(records.caseFile.name, { what: 'entities', date: null, extension: 'ftm.json' }),
    filters: [{ name: 'FollowTheMoney entities', extensions: ['json', 'ftm'] }],
    bytes,
  });
  if (result.saved)
    notify(
      'info',
      `Exported ${plural(records.entities.length, 'entity', 'entities')} and ${plural(lines - records.entities.length, 'relationship', 'relationships')} as FollowTheMoney.`,
    );
}

/** The case's codebook with its coded excerpts and the texts they quote, as a REFI-QDA project. */
export async function saveRefiQda(caseId: string): Promise<void> {
  const records = await queries.codebookRecords(caseId);
  if (!records) throw new Error(CASE_GONE);
  if (!records.tags.length) {
    notify('info', `“${records.caseFile.name}” has no codebook to export yet: tag some excerpts first.`);
    return;
  }
  const { version } = await host.getAppInfo();
  const file = await buildQdpx({ ...records, appVersion: version, exportedAt: new Date() });
  const result = await host.saveFile({
    suggestedName: caseFileName(records.caseFile.name, { what: 'codebook', date: null, extension: 'qdpx' }),
    filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }],
    bytes: file.bytes,
  });
  if (!result.saved) return;
  const leftOut = file.leftOut
    ? ` ${plural(file.leftOut, 'coded excerpt was', 'coded excerpts were')} left out: ${file.leftOut === 1 ? 'its quote is' : 'their quotes are'} no longer found in ${file.leftOut === 1 ? 'its document' : 'their documents'}.`
    : '';
  notify(
    'info',
    `Exported ${plural(file.codes, 'code', 'codes')} and ${plural(file.selections, 'coded excerpt', 'coded excerpts')} from ${plural(file.sources, 'document', 'documents')} as REFI-QDA.${leftOut}`,
  );
}
