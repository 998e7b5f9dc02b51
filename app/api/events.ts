/** Stops a subscription. */
export type Unsubscribe = () => void;

/**
 * An event a service publishes, such as `onDidChangeFiles`. Calling it with
 * a listener subscribes; the return value unsubscribes.
 */
export type ApiEvent<T> = (listener: (event: T) => void) => Unsubscribe;

/** A minimal emitter the core uses to implement `ApiEvent`s. */
export class Emitter<T> {
  private readonly listeners = new Set<(event: T) => void>();

  readonly event: ApiEvent<T> = (listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
