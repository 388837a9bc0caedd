/** The dates worker: finds the dates documents write, off the page's thread. chrono-node is loaded here only. */
import type { DatesReply, DatesRequest } from './protocol';
import { answer } from './service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<DatesRequest>) => void) | null;
  postMessage(message: DatesReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => scope.postMessage(answer(data));
