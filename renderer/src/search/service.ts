/**
 * The search worker's side of the conversation: the case indexes the page has opened, each fed the changes the page
 * forwards and asked its questions. It runs in the worker (`search.worker.ts`), or in the page's own thread where
 * there are no workers (the unit tests), given the page's database.
 */
import type { CasebookDB } from '../db/schema';
import { CaseIndex } from './caseIndex';
import type { SearchMessage, SearchRequest } from './protocol';

export class SearchService {
  private readonly indexes = new Map<number, CaseIndex>();

  constructor(
    private readonly db: CasebookDB,
    private readonly send: (message: SearchMessage) => void,
  ) {}

  receive(request: SearchRequest): void {
    switch (request.type) {
      case 'connect':
        return;
      case 'open': {
        const index: CaseIndex = new CaseIndex(this.db, request.caseId, () =>
          this.send({
            type: 'state',
            index: request.index,
            state: { status: index.status, origin: index.origin, recordCount: index.recordCount },
          }),
        );
        this.indexes.set(request.index, index);
        return this.answer(request.id, index.ready);
      }
      case 'changes':
        this.indexes.get(request.index)?.enqueue(request.keys, request.seqs);
        return;
      case 'flush':
        return this.answer(request.id, this.indexOf(request.index).then((index) => index.flush()));
      case 'search':
        return this.answer(
          request.id,
          this.indexOf(request.index).then((index) => index.search(request.query, request.limit)),
        );
      case 'save':
        return this.answer(
          request.id,
          this.indexOf(request.index).then((index) => (request.onlyIfChanged ? index.saveIfChanged() : index.save())),
        );
      case 'close': {
        const index = this.indexes.get(request.index);
        this.indexes.delete(request.index);
        if (!index) return;
        if (request.save)
          void index
            .saveIfChanged()
            .catch(() => {})
            .finally(() => index.close());
        else index.close();
        return;
      }
    }
  }

  /** Stops every index, unsaved: the page has gone. */
  close(): void {
    for (const index of this.indexes.values()) index.close();
    this.indexes.clear();
  }

  private async indexOf(number: number): Promise<CaseIndex> {
    const index = this.indexes.get(number);
    if (!index) throw new Error('This case’s search index was closed; search again to reopen it.');
    return index;
  }

  private answer(id: number, work: Promise<unknown>): void {
    work.then(
      (value) => this.send({ type: 'answer', id, ok: true, value }),
      (error: unknown) =>
        this.send({ type: 'answer', id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  }
}
