// Group commit: requests that arrive while earlier ones are being stored wait, then go together in
// one batch, so a burst of deliveries costs a few transactions instead of one each.

/** A batch's answer for an item that must wait for the next batch (it conflicts with an earlier one). */
export const DEFER = Symbol("defer");

export type BatchRunner<I, O> = (items: I[]) => Promise<(O | typeof DEFER)[]>;

type Waiting<I, O> = { item: I; resolve(result: O): void; reject(error: unknown): void };

export class DeferredFirstItemError extends Error {
  override name = "DeferredFirstItemError";
}

/**
 * Runs at most `maxInFlight` batches at once, each of at most `maxBatch` items in arrival order.
 * Deferred items go back to the front of the queue; a batch may never defer its first item, so
 * every batch makes progress.
 */
export function groupCommit<I, O>(run: BatchRunner<I, O>, options: { maxBatch: number; maxInFlight: number }) {
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;

  function settle(batch: Waiting<I, O>[], results: (O | typeof DEFER)[]) {
    const deferred: Waiting<I, O>[] = [];
    for (const [i, waiting] of batch.entries()) {
      const result = results[i] as O | typeof DEFER;
      if (result !== DEFER) waiting.resolve(result);
      else if (i === 0) waiting.reject(new DeferredFirstItemError());
      else deferred.push(waiting);
    }
    queue.unshift(...deferred);
  }

  function pump() {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight++;
      run(batch.map((w) => w.item))
        .then(
          (results) => settle(batch, results),
          (error) => {
            for (const waiting of batch) waiting.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          schedule();
        });
    }
  }

  // Batches start on the next turn of the event loop, so everything that arrives in this one
  // (e.g. the next deliveries of every sender whose answer just went out) goes together.
  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
