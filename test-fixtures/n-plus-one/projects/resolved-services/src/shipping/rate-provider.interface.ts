// valid
/** Implemented by a plugin outside the project. */
export interface IRateProvider {
  quote(orderId: string): Promise<number>;
}
