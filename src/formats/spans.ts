/**
 * Sorted, disjoint spans of a text (sentences, macros, edits): which one a
 * position falls in, by binary search, where trying each span per attribute
 * or macro was quadratic.
 */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** The index of the first of the sorted `spans` that ends after `at` (`spans.length` if none). */
export function firstEndingAfter(spans: readonly TextSpan[], at: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether `value` overlaps one of the sorted, disjoint `spans`: only the first that ends after it starts can. */
export function overlapsSorted(spans: readonly TextSpan[], value: TextSpan): boolean {
  const first = firstEndingAfter(spans, value.start);
  return first < spans.length && spans[first]!.start < value.end;
}
