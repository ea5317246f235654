/**
 * A schema built on its first use, not when its module is evaluated. The server evaluates its
 * chunks in many goja VMs (each pooled VM the main chunk, each match's VM its round's end),
 * where building a zod schema costs ~0.2 ms: the stored records' schemas alone were ~20 ms of
 * each match's creation, for records a round reads or writes a few of, once, at its end. The
 * proxy answers as the schema itself (parse, nesting in other schemas, z.infer), so callers
 * don't know.
 */
export function lazySchema<T extends object>(make: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    if (built === undefined) built = make();
    return built;
  };
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      // The target is an empty extensible object: a proxy may only report configurable ones.
      if (d) d.configurable = true;
      return d;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
