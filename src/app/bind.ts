// Binds use cases to their ports once: `bindAll(deps, { closeDay, … })` gives `closeDay(actor, …)`.
type Bound<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;

export type BoundAll<T> = { readonly [K in keyof T]: Bound<T[K]> };

export function bindAll<D, T extends Record<string, (deps: D, ...args: never[]) => unknown>>(
  deps: D,
  useCases: T,
): BoundAll<T> {
  const bound: Record<string, unknown> = {};
  for (const [name, useCase] of Object.entries(useCases)) {
    const call = useCase as unknown as (deps: D, ...args: unknown[]) => unknown;
    bound[name] = (...args: unknown[]) => call(deps, ...args);
  }
  return Object.freeze(bound) as BoundAll<T>;
}
