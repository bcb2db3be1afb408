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

/**
 * Saving a large file after every batch would spend the run rewriting it: this
 * saves at most once per `intervalMs` while work goes on. `request` returns at
 * once (the caller need not wait for the disk); `flush` saves what is left and
 * throws the first failure of any save. What a killed run loses is at most the
 * last interval's work, which the next run does again.
 */
export function throttleWrites(write: () => Promise<void>, intervalMs: number): { request(): void; flush(): Promise<void> } {
  const save = coalesceWrites(write);
  let timer: NodeJS.Timeout | undefined;
  let last = 0;
  let failure: unknown;
  let pending: Promise<void> = Promise.resolve();
  const run = () => {
    timer = undefined;
    last = Date.now();
    pending = save().catch((error: unknown) => {
      failure ??= error;
    });
  };
  return {
    request() {
      timer ??= setTimeout(run, Math.max(0, last + intervalMs - Date.now()));
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await pending;
      await save();
      if (failure !== undefined) throw failure;
    },
  };
}
