/**
 * The search worker: keeps the open case indexes off the page's thread, so building, loading and saving a big one
 * never holds up the interface. It opens its own connection to the database the page names, and reads the records
 * itself.
 */
import { CasebookDB } from '../db/schema';
import type { SearchMessage, SearchRequest } from './protocol';
import { SearchService } from './service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchMessage): void;
}

const scope = self as unknown as WorkerScope;
let service: SearchService | null = null;

scope.onmessage = ({ data }) => {
  if (data.type === 'connect') service = new SearchService(new CasebookDB(data.database), (message) => scope.postMessage(message));
  else service?.receive(data);
};
