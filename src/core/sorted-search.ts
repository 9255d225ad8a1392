/**
 * How many items of a list sorted by `key` have a key at or below `value`
 * (binary search): the index just past the last such item, so that
 * `items[countAtMost(…) - 1]` is the last item at or before a place.
 */
export function countAtMost<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
