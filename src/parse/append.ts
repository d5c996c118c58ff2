// Appending one list to another item by item: `list.push(...items)` passes every item as an argument,
// and a text of a hundred thousand tasks or reporting lines overflows the call stack that way.

/** Appends `items` to `target` in place: `append(tasks, tableTasks)`. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
