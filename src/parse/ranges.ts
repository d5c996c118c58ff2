// Which of a list of text ranges holds each of many offsets, in one sweep rather than a search of
// the whole list per offset (a preamble can hold thousands of paragraphs and mentions).

/**
 * For each offset (ascending), the index of the first range in list order that holds it
 * (`start <= offset < end`), or -1:
 * `firstRangesContaining([[0, 10], [5, 20]], [3, 12, 25])` → `[0, 1, -1]`.
 */
export function firstRangesContaining(
  ranges: ReadonlyArray<readonly [number, number]>,
  offsets: readonly number[],
): number[] {
  const byStart = ranges.map((_, i) => i).sort((a, b) => (ranges[a]?.[0] ?? 0) - (ranges[b]?.[0] ?? 0));
  let open: number[] = [];
  let next = 0;
  const out: number[] = [];
  for (const offset of offsets) {
    while (next < byStart.length && (ranges[byStart[next] ?? 0]?.[0] ?? 0) <= offset)
      open.push(byStart[next++] ?? 0);
    // Ranges that end before this offset end before every later one too.
    if (open.some((i) => (ranges[i]?.[1] ?? 0) <= offset))
      open = open.filter((i) => (ranges[i]?.[1] ?? 0) > offset);
    let first = -1;
    for (const i of open) if (first < 0 || i < first) first = i;
    out.push(first);
  }
  return out;
}
