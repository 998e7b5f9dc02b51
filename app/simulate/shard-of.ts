// Which worker owns a service: the main thread routes runs with it and each
// worker filters its shard with it, so both must agree.

/** A stable shard for a service name, so each worker keeps rendering the same services (and keeps its cache warm). */
export function shardOf(name: string, count: number): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return (hash >>> 0) % count;
}
