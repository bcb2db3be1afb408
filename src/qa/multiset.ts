/**
 * Items of `a` not matched one for one by an item of `b` with the same key, in
 * `a`'s order. Linear: a translation with 100,000 numbers or placeholders is
 * compared in one pass, not one scan of `b` per item.
 */
export function difference<T>(a: readonly T[], b: readonly T[], key: (item: T) => string | number = (item) => item as string | number): T[] {
  const pool = new Map<string | number, number>();
  for (const item of b) pool.set(key(item), (pool.get(key(item)) ?? 0) + 1);
  return a.filter((item) => {
    const left = pool.get(key(item)) ?? 0;
    if (left === 0) return true;
    pool.set(key(item), left - 1);
    return false;
  });
}
