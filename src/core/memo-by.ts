/**
 * The value kept in `cache` for `key` of `owner` (a template, a spec), made
 * by `make` the first time it is asked for: work done once per owner however
 * many specs or sections ask, kept no longer than the owner is.
 */
export function memoBy<O extends object, K, V>(cache: WeakMap<O, Map<K, V>>, owner: O, key: K, make: () => V): V {
  let byKey = cache.get(owner);
  if (byKey === undefined) cache.set(owner, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = make()));
  return value;
}

/**
 * `make`, made to run once per owner (a template): the value is kept in a
 * `WeakMap` for as long as the owner is, however many specs ask for it.
 */
export function memoPer<O extends object, V>(make: (owner: O) => V): (owner: O) => V {
  const cache = new WeakMap<O, V>();
  return (owner) => {
    if (cache.has(owner)) return cache.get(owner)!;
    const value = make(owner);
    cache.set(owner, value);
    return value;
  };
}

/**
 * `make`, made to run once per key for as long as the function returned is
 * kept (one run's cache: headings asked of many times by one spec's matching).
 */
export function memoized<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}
