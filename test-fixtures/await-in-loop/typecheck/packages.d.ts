// The published types of p-map and p-limit (their default exports), for the project that depends on both.
declare module 'p-map' {
  export default function pMap<Element, NewElement>(
    input: Iterable<Element>,
    mapper: (element: Element, index: number) => NewElement | PromiseLike<NewElement>,
    options?: { concurrency?: number; stopOnError?: boolean },
  ): Promise<NewElement[]>;
}

declare module 'p-limit' {
  export interface LimitFunction {
    <Arguments extends unknown[], ReturnType>(fn: (...arguments_: Arguments) => PromiseLike<ReturnType> | ReturnType, ...arguments_: Arguments): Promise<ReturnType>;
    readonly activeCount: number;
    readonly pendingCount: number;
  }
  export default function pLimit(concurrency: number): LimitFunction;
}
