/**
 * The mentions worker's side: one case's mentions (caseMentions.ts), changed and read as the page asks. It runs in
 * the worker, or in the page's thread where there are no workers (the unit tests).
 */
import { CaseMentions } from './caseMentions';
import type { MentionsAnswers, MentionsMessage, MentionsRequest, WorkerTime } from './protocol';

/** Progress is posted at most this often while a build's documents are scanned, and when the last is. */
const PROGRESS_EVERY_MS = 100;

export class MentionsService {
  private mentions = new CaseMentions();
  private readonly progress = { done: 0, total: 0, postedAt: 0 };

  constructor(private readonly post: (message: MentionsMessage) => void) {}

  receive(request: MentionsRequest): void {
    try {
      this.post({ type: 'answer', id: request.id, ok: true, value: this.answer(request) });
    } catch (error) {
      this.post({ type: 'answer', id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private answer(request: MentionsRequest): MentionsAnswers[MentionsRequest['type']] {
    switch (request.type) {
      case 'build':
        return timed(() => {
          this.mentions = new CaseMentions();
          Object.assign(this.progress, { done: 0, total: request.documentCount, postedAt: 0 });
        });
      case 'putDocuments':
        return timed(() => {
          for (const document of request.documents) {
            this.mentions.putDocument(document.id, document.text);
            this.advance();
          }
        });
      case 'removeDocuments':
        return timed(() => request.documentIds.forEach((documentId) => this.mentions.removeDocument(documentId)));
      case 'addNames':
        return timed(() => this.mentions.addNames(request.names));
      case 'removeNames':
        return timed(() => this.mentions.removeNames(request.names));
      case 'mentionsIn':
        return this.mentions.mentionsIn(request.documentId);
      case 'countsPerEntity':
        return this.mentions.countsPerEntity();
      case 'documentsMentioning':
        return this.mentions.documentsMentioning(request.entityId);
    }
  }

  /** Counts a document scanned for the build under way, and tells the page now and then. */
  private advance(): void {
    const progress = this.progress;
    if (progress.done >= progress.total) return;
    progress.done++;
    const now = performance.now();
    if (progress.done < progress.total && now - progress.postedAt < PROGRESS_EVERY_MS) return;
    progress.postedAt = now;
    this.post({ type: 'progress', done: progress.done, total: progress.total });
  }
}

function timed(change: () => void): WorkerTime {
  const started = performance.now();
  change();
  return { workerMs: performance.now() - started };
}
