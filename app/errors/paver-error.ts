/** The wire form of every error that crosses a transport. */
export interface SerializedError {
  code: string;
  message: string;
  data?: unknown;
}

/**
 * Base of every error Paver reports. Subclasses live one per file, set
 * `code` to their own class name (spelled out, so bundling cannot rename it)
 * and carry typed `data` that the UI uses to point at the file, line or field.
 */
export abstract class PaverError<Data = unknown> extends Error {
  abstract readonly code: string;
  readonly data: Data;

  constructor(message: string, data: Data, options?: { cause?: unknown }) {
    super(message, options);
    this.data = data;
  }

  override get name(): string {
    return this.code;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, data: this.data };
  }
}
