// Which worker owns a service: by its file's path (relative to the workspace),
// so a worker reads and parses only its shard's service files, and keeps
// rendering the same services (its render cache stays warm).

/** A stable shard for a service file path such as `services/checkout.yaml`. */
export function shardOf(file: string, count: number): number {
  const name = file;
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return (hash >>> 0) % count;
}
