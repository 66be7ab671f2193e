// valid
/** A class that makes instances of `T`. */
export interface Type<T> extends Function {
  new (...args: any[]): T;
}
