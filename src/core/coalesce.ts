/**
 * Saving progress after every batch must not turn into one full file write per
 * batch when many batches finish close together: requests made while a write is
 * running are served by one more write. Every caller's promise resolves after a
 * write that started after its request, so what it committed is on disk.
 */
export function coalesceWrites(write: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    running = write().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    // One write is running: all requests until it ends share the write after it.
    next ??= running.then(
      () => {
        next = undefined;
        return start();
      },
      () => {
        next = undefined;
        return start();
      },
    );
    return next;
  };
}
