// The same JSON value with every object's keys in reverse order, recursively: a register (or freee)
// may send keys in any order. Object.fromEntries defines own members, so a key `__proto__` stays a
// member, as JSON.parse makes it.
export function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  );
}
