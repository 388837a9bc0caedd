/**
 * The mentions worker's side: one case's mentions (caseMentions.ts), changed and read as the page asks. Either the
 * page gives the names and texts itself (the benchmark, the tests), or the worker connects to the page's database and
 * opens a case, which it builds and keeps current from there (caseFeed.ts). It runs in the worker, or in the page's
 * thread where there are no workers (the unit tests).
 */
import type { CasebookDB } from '../db/schema';
import { CaseFeed } from './caseFeed';
import { CaseMentions } from './caseMentions';
import type { DocumentMentions, MentionsAnswers, MentionsMessage, MentionsRequest, WorkerTime } from './protocol';
import { snippetOf } from './snippets';

/** Progress is posted at most this often while a build's documents are scanned, and when the last is. */
const PROGRESS_EVERY_MS = 100;

type Question = Exclude<MentionsRequest, { type: 'connect' | 'changes' }>;

export class MentionsService {
  private given = new CaseMentions();
  private feed: CaseFeed | null = null;
  private readonly progress = { done: 0, total: 0, postedAt: 0 };

  constructor(
    private readonly post: (message: MentionsMessage) => void,
    private db: CasebookDB | null = null,
    /** Opens the page's database by name, in the worker. */
    private readonly openDatabase: ((name: string) => CasebookDB) | null = null,
  ) {}

  receive(request: MentionsRequest): void {
    if (request.type === 'connect') {
      this.db ??= this.openDatabase?.(request.database) ?? null;
      return;
    }
    if (request.type === 'changes') {
      this.feed?.enqueue(request.keys);
      return;
    }
    try {
      const value = this.answer(request);
      if (value instanceof Promise)
        value.then(
          (settled: unknown) => this.post({ type: 'answer', id: request.id, ok: true, value: settled }),
          (error: unknown) => this.fail(request.id, error),
        );
      else this.post({ type: 'answer', id: request.id, ok: true, value });
    } catch (error) {
      this.fail(request.id, error);
    }
  }

  close(): void {
    this.feed?.close();
  }

  private fail(id: number, error: unknown): void {
    this.post({ type: 'answer', id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }

  /** The mentions asked about: the open case's, or those given by the page. */
  private get mentions(): CaseMentions {
    return this.feed?.mentions ?? this.given;
  }

  private answer(request: Question): MentionsAnswers[Question['type']] | Promise<MentionsAnswers[Question['type']]> {
    switch (request.type) {
      case 'build':
        return timed(() => {
          this.given = new CaseMentions();
          Object.assign(this.progress, { done: 0, total: request.documentCount, postedAt: 0 });
        });
      case 'putDocuments':
        return timed(() => {
          for (const document of request.documents) {
            this.given.putDocument(document.id, document.text);
            this.advance();
          }
        });
      case 'removeDocuments':
        return timed(() => request.documentIds.forEach((documentId) => this.given.removeDocument(documentId)));
      case 'addNames':
        return timed(() => this.given.addNames(request.names));
      case 'removeNames':
        return timed(() => this.given.removeNames(request.names));
      case 'open':
        return this.open(request.caseId);
      case 'settled':
        return (this.feed?.settled() ?? Promise.resolve()).then(() => null);
      case 'mentionsIn':
        return this.mentions.mentionsIn(request.documentId);
      case 'mentionsInText':
        return this.mentions.mentionsInText(request.text);
      case 'countsPerEntity':
        return this.mentions.countsPerEntity();
      case 'documentsMentioning':
        return this.mentions.documentsMentioning(request.entityId);
      case 'entityTotals':
        return this.mentions.entityTotals();
      case 'entityMentions':
        return this.entityMentions(request.entityId, request.perDocument);
      case 'mentionsCsv':
        return this.csv();
    }
  }

  private open(caseId: string): null {
    if (!this.db) throw new Error('Mentions cannot open a case before the database is connected.');
    if (this.feed?.caseId === caseId) return null;
    this.feed?.close();
    const feed: CaseFeed = new CaseFeed(this.db, caseId, () => {
      if (this.feed === feed) this.post({ type: 'status', caseId, status: feed.status, version: feed.version });
    });
    this.feed = feed;
    return null;
  }

  /** The documents mentioning an entity, most first, each with its title and its first few mentions' snippets. */
  private async entityMentions(entityId: string, perDocument: number): Promise<DocumentMentions[]> {
    const counts = this.mentions.documentsMentioning(entityId);
    if (!this.db || counts.length === 0) return [];
    const documents = await this.db.documents.bulkGet(counts.map((count) => count.documentId));
    const found: DocumentMentions[] = [];
    counts.forEach(({ documentId, count }, at) => {
      const document = documents[at];
      if (!document) return;
      const snippets = this.mentions
        .mentionsIn(documentId)
        .filter((mention) => mention.entityId === entityId)
        .slice(0, perDocument)
        .map((mention) => snippetOf(document.text, mention.start, mention.end, document.pages));
      found.push({ documentId, title: document.title, count, snippets });
    });
    return found;
  }

  /** Every mention as a CSV row (entity, document, page, snippet), documents in title order, each in its text's order. */
  private async csv(): Promise<Uint8Array<ArrayBuffer>> {
    if (!this.db) throw new Error('Mentions cannot be exported before the database is connected.');
    const { mentionsCsv } = await import('./mentionsCsv');
    return mentionsCsv(this.db, this.feed?.caseId ?? '', this.mentions);
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
