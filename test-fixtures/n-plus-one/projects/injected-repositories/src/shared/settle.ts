// valid
// Resolves to the value or the error, so that one failure does not stop the caller.
export async function settle<T>(promise: Promise<T>): Promise<[T, undefined] | [undefined, unknown]> {
  try {
    return [await promise, undefined];
  } catch (error) {
    return [undefined, error];
  }
}
