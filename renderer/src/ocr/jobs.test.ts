import { describe, expect, it, vi } from 'vitest';
import type { CaseDocument } from '../../../shared/domain';
import type { RecognisedTextResult } from '../domain/recognisedText';
import { OcrCancelled } from './engine';
import { OcrJobs, type RecogniseFn } from './jobs';

const result = (lost = 0): RecognisedTextResult => ({
  document: { pages: [{ page: 1, start: 0, end: 3 }, { page: 2, start: 5, end: 9 }], ocr: { language: 'pol', confidence: 90, recognisedAt: '', engine: '' } } as CaseDocument,
  relocated: [],
  orphaned: Array.from({ length: lost }, () => ({}) as RecognisedTextResult['orphaned'][number]),
});

describe('OcrJobs', () => {
  it('follows a recognition page by page, then says what was done', async () => {
    let finish: (value: RecognisedTextResult) => void = () => {};
    const recognise = vi.fn<RecogniseFn>((_id, _language, { onProgress }) => {
      onProgress?.({ page: 2, pages: 2, fraction: 0.75 });
      return new Promise((resolve) => (finish = resolve));
    });
    const jobs = new OcrJobs(recognise);
    const heard = vi.fn();
    jobs.subscribe(heard);
    const done = jobs.start('doc', 'pol');
    expect(jobs.get('doc')).toEqual({ documentId: 'doc', language: 'pol', state: 'running', progress: { page: 2, pages: 2, fraction: 0.75 } });
    // A second start while one runs does nothing.
    void jobs.start('doc', 'eng');
    expect(recognise).toHaveBeenCalledTimes(1);
    finish(result(1));
    await done;
    expect(jobs.get('doc')).toEqual({
      documentId: 'doc',
      language: 'pol',
      state: 'done',
      message: 'Recognised the text of 2 pages in Polish.',
      orphaned: [{}],
    });
    expect(heard).toHaveBeenCalled();
    jobs.dismiss('doc');
    expect(jobs.get('doc')).toBeNull();
  });

  it('cancels by aborting the recognition, leaving no job behind, and reports failures in words', async () => {
    const jobs = new OcrJobs(
      (_id, _language, { signal }) =>
        new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new OcrCancelled()))),
    );
    const running = jobs.start('doc', 'eng');
    jobs.cancel('doc');
    await running;
    expect(jobs.get('doc')).toBeNull();

    const failing = new OcrJobs(() => Promise.reject(new Error('the worker could not start')));
    await failing.start('doc', 'eng');
    expect(failing.get('doc')).toMatchObject({ state: 'failed', message: expect.stringContaining('the worker could not start') });
  });
});
