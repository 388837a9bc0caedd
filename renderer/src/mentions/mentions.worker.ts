/**
 * The mentions worker: holds the case's names in their automaton and its documents' folded texts, so scanning 50 MB
 * of text never holds up the page. Told the page's database, it opens its own connection and reads a case itself.
 */
import { CasebookDB } from '../db/schema';
import type { MentionsMessage, MentionsRequest } from './protocol';
import { MentionsService } from './service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<MentionsRequest>) => void) | null;
  postMessage(message: MentionsMessage): void;
}

const scope = self as unknown as WorkerScope;
const service = new MentionsService((message) => scope.postMessage(message), null, (name) => new CasebookDB(name));
scope.onmessage = ({ data }) => service.receive(data);
