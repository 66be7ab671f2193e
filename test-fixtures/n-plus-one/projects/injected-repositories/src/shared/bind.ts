// valid
type Bound<Fns, Args> = {
  [K in keyof Fns]: Fns[K] extends (args: infer A) => infer R ? (args: Omit<A, keyof Args>) => R : never;
};

// Hands every function the shared arguments along with its own.
export function bindArgs<Fns extends Record<string, (args: any) => unknown>, Args extends object>(fns: Fns, shared: Args): Bound<Fns, Args> {
  return Object.fromEntries(Object.entries(fns).map(([key, fn]) => [key, (args: object) => fn({ ...args, ...shared })])) as Bound<Fns, Args>;
}
