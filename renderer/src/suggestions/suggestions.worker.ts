/**
 * The suggestions worker: reads documents for the names they mention, off the page's thread. compromise, which it
 * loads for English, is loaded here only.
 */
import type { SuggestionsReply, SuggestionsRequest } from './protocol';
import { answer } from './service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SuggestionsRequest>) => void) | null;
  postMessage(message: SuggestionsReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => scope.postMessage(answer(data));
