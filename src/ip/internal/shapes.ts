/**
 * Keeps one instance of a class alive for the life of the process.
 *
 * V8 gives each class an object shape (a hidden class, reached from the
 * constructor's first shape through transitions it holds weakly) and compiles
 * hot loops against it. A shape that no live object has is freed by a full
 * garbage collection, and every optimised function built on it is thrown away:
 * when all instances of a class are short-lived (the buffers of one bulk call,
 * the `Prefix` values an allocator hands out), each call after a full collection
 * compiles its loops again. Measured on the W4 and W5 benchmarks with a full
 * collection between calls: 10–50 ms of compiler time per call, about as much
 * as the work itself. One instance kept here keeps the shape and the code.
 * @internal
 */
const kept: object[] = [];

/** Keeps `instance` (and so its class's shape) alive; returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
