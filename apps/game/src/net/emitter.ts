/** A small typed event emitter: `on` returns the function that removes the handler. */
// biome-ignore lint/suspicious/noExplicitAny: handler signatures vary per event
export class Emitter<Events extends { [K in keyof Events]: (...args: any[]) => void }> {
  private readonly handlers = new Map<keyof Events, Set<Events[keyof Events]>>();

  on<E extends keyof Events>(event: E, handler: Events[E]): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Whether anyone listens to `event`. */
  heard(event: keyof Events): boolean {
    return (this.handlers.get(event)?.size ?? 0) > 0;
  }

  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        (handler as Events[E])(...args);
      } catch (err) {
        // One broken listener must not stop the others (or the net layer).
        console.warn(`net: a "${String(event)}" listener threw`, err);
      }
    }
  }
}
