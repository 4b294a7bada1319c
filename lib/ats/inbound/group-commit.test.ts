import { describe, expect, it } from "vitest";
import { DEFER, DeferredFirstItemError, groupCommit } from "./group-commit";

/** A runner that records its batches and lets the test decide when each one finishes. */
function controlledRunner<O>(answer: (item: number) => O | typeof DEFER) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<(O | typeof DEFER)[]>((resolve) => gates.push(() => resolve(items.map(answer))));
  };
  return { batches, run, release: () => gates.shift()?.() };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("group commit", () => {
  it("sends what arrives in one turn together, and what arrives while a batch runs in the next", async () => {
    const runner = controlledRunner((n) => n * 10);
    const queue = groupCommit(runner.run, { maxBatch: 10, maxInFlight: 1 });
    const first = [1, 2, 3].map((n) => queue.submit(n));
    await turn();
    const second = [4, 5].map((n) => queue.submit(n));
    await turn();
    expect(runner.batches).toEqual([[1, 2, 3]]);
    runner.release();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    await turn();
    expect(runner.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    runner.release();
    expect(await Promise.all(second)).toEqual([40, 50]);
  });

  it("never exceeds the batch size or the batches in flight", async () => {
    const runner = controlledRunner((n) => n);
    const queue = groupCommit(runner.run, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5].map((n) => queue.submit(n));
    await turn();
    expect(runner.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    runner.release();
    await turn();
    await turn();
    expect(runner.batches).toEqual([[1, 2], [3, 4], [5]]);
    runner.release();
    runner.release();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5]);
  });

  it("puts deferred items first in the next batch", async () => {
    let deferTwo = true;
    const runner = controlledRunner((n) => (n === 2 && deferTwo ? DEFER : n));
    const queue = groupCommit(runner.run, { maxBatch: 10, maxInFlight: 1 });
    const early = [1, 2].map((n) => queue.submit(n));
    await turn();
    const late = queue.submit(3);
    runner.release();
    expect(await early[0]).toBe(1);
    deferTwo = false;
    await turn();
    expect(runner.batches).toEqual([
      [1, 2],
      [2, 3],
    ]);
    runner.release();
    expect(await Promise.all([early[1], late])).toEqual([2, 3]);
  });

  it("refuses to defer a batch's first item, so a batch always makes progress", async () => {
    const queue = groupCommit(async (items: number[]) => items.map(() => DEFER), { maxBatch: 10, maxInFlight: 1 });
    await expect(queue.submit(1)).rejects.toBeInstanceOf(DeferredFirstItemError);
  });

  it("fails every item of a batch whose run fails, and goes on with the next", async () => {
    let fail = true;
    const queue = groupCommit(
      async (items: number[]) => {
        if (fail) throw new Error("database down");
        return items;
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const doomed = [1, 2].map((n) => queue.submit(n).catch((e: Error) => e.message));
    expect(await Promise.all(doomed)).toEqual(["database down", "database down"]);
    fail = false;
    expect(await queue.submit(3)).toBe(3);
  });
});
