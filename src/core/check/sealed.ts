/**
 * A secret that travels inside a check plan but can never be printed: the value lives in a private field, and
 * JSON.stringify, String() and Node's util.inspect see only `[sealed]`.
 */
export class Sealed<T> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  /** The secret itself, for the one place that must use it (signing, an Authorization header). */
  open(): T {
    return this.#value;
  }

  toJSON(): string {
    return '[sealed]';
  }

  toString(): string {
    return '[sealed]';
  }
}
