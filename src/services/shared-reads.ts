// Reads that many people ask for at the same moment, answered by one run: on deadline day the
// leaders of a Sở keep its overview open and it is asked for many times a second, each time the
// same rows. Whoever asks while a read of the same thing is running is given that read's answer
// instead of starting another. Nothing is kept once it ends: the next request reads afresh, so an
// answer is at most one read old (tens of milliseconds: a report sent while a read runs shows in the
// next one). Only for views of many people's work, never for a page someone reads right after
// changing it, which must see the change.

const running = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * `read()`'s answer, shared with every caller of the same `scope` (the database the read goes to)
 * and `key` (everything the answer depends on) while it runs:
 * `shareWhileRunning(ctx.db, `overview|${reach}|${day}`, () => readOverview(...))`.
 * A failed read fails everyone who joined it; the next call tries again.
 */
export function shareWhileRunning<T>(scope: object, key: string, read: () => Promise<T>): Promise<T> {
  let reads = running.get(scope);
  if (!reads) {
    reads = new Map();
    running.set(scope, reads);
  }
  const pending = reads.get(key);
  if (pending) return pending as Promise<T>;
  const started = read();
  const own = reads;
  own.set(key, started);
  // Forgotten when it settles, whichever way: the next caller starts a read of its own.
  const forget = () => {
    if (own.get(key) === started) own.delete(key);
  };
  started.then(forget, forget);
  return started;
}
