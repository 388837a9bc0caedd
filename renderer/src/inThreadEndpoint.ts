/**
 * A worker's service run in this thread instead, where `Worker` does not exist (unit tests in Node): requests and
 * messages are copied (`structuredClone`) and delivered as later tasks, as a worker's would be, so the code talking
 * to it cannot tell the difference. `start` loads the service and gives it the function that posts its messages.
 */
export function inThreadEndpoint<Request, Message>(
  start: (post: (message: Message) => void) => Promise<{ receive(request: Request): void; close?(): void }>,
) {
  const listeners: ((event: MessageEvent<Message>) => void)[] = [];
  let stopped = false;
  const service = start((message) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!stopped) listeners.forEach((listener) => listener({ data: copy } as MessageEvent<Message>));
    });
  });
  return {
    postMessage(request: Request) {
      const copy = structuredClone(request);
      void service.then((running) => setTimeout(() => !stopped && running.receive(copy)));
    },
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<Message>) => void);
    },
    terminate() {
      stopped = true;
      void service.then((running) => running.close?.());
    },
  };
}
