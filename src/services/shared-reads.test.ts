import { describe, expect, it } from "vitest";
import { shareWhileRunning } from "./shared-reads.js";

/** A read that ends when told to, counting how often it was started. */
function gate<T>() {
  let started = 0;
  let finish: (v: T) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const read = () => {
    started++;
    return new Promise<T>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { read, started: () => started, finish: (v: T) => finish(v), fail: (e: Error) => fail(e) };
}

describe("reads shared while they run", () => {
  it("give everyone who asks during a read that read's answer, then read afresh", async () => {
    const db = {};
    const g = gate<string>();
    const first = shareWhileRunning(db, "overview|1.2", g.read);
    const second = shareWhileRunning(db, "overview|1.2", g.read);
    expect(g.started()).toBe(1);
    g.finish("as of the first");
    expect(await first).toBe("as of the first");
    expect(await second).toBe("as of the first");
    // Ended: the next one reads again, and is not given the old answer.
    const third = shareWhileRunning(db, "overview|1.2", g.read);
    expect(g.started()).toBe(2);
    g.finish("as of the third");
    expect(await third).toBe("as of the third");
  });

  it("keep apart what differs in key or in database", async () => {
    const a = gate<string>();
    const b = gate<string>();
    const c = gate<string>();
    const one = {};
    const other = {};
    const reads = [
      shareWhileRunning(one, "overview|1.2", a.read),
      shareWhileRunning(one, "overview|1.3", b.read),
      shareWhileRunning(other, "overview|1.2", c.read),
    ];
    expect([a.started(), b.started(), c.started()]).toEqual([1, 1, 1]);
    a.finish("a");
    b.finish("b");
    c.finish("c");
    expect(await Promise.all(reads)).toEqual(["a", "b", "c"]);
  });

  it("fail everyone who joined a failed read, and let the next caller try again", async () => {
    const db = {};
    const g = gate<string>();
    const first = shareWhileRunning(db, "k", g.read);
    const second = shareWhileRunning(db, "k", g.read);
    g.fail(new Error("connection lost"));
    await expect(first).rejects.toThrow("connection lost");
    await expect(second).rejects.toThrow("connection lost");
    const again = shareWhileRunning(db, "k", g.read);
    expect(g.started()).toBe(2);
    g.finish("read");
    expect(await again).toBe("read");
  });
});
