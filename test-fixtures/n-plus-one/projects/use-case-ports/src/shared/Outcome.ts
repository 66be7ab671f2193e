// valid
export class Outcome<T> {
  private constructor(
    private readonly failure: string | undefined,
    readonly value?: T,
  ) {}

  static ok<T>(value?: T): Outcome<T> {
    return new Outcome<T>(undefined, value);
  }

  static fail<T>(failure: string): Outcome<T> {
    return new Outcome<T>(failure);
  }

  isFailed(): boolean {
    return this.failure !== undefined;
  }

  get error(): string {
    return this.failure ?? '';
  }
}
