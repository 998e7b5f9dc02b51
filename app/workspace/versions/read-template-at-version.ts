import git from 'isomorphic-git';
import { openRepository, type GitRepository } from '../../git/repository.js';
import { FileNotFoundError, TemplateVersionNotFoundError } from '../../errors/index.js';
import { templateTagName } from './template-tags.js';

/** A template's files as published at one version, read lazily from Git objects. */
export interface TemplateTree {
  template: string;
  version: string;
  commit: string;
  /** Paths relative to the template folder, e.g. `Chart.yaml`, `templates/deployment.yaml`. */
  paths: string[];
  /** Reads a file as UTF-8 text; throws FileNotFoundError for a path not in the tree. */
  readText(path: string): Promise<string>;
  /** Reads a file's bytes. */
  readBytes(path: string): Promise<Uint8Array>;
}

// Tags are immutable, so a tree's listing can be kept for the process lifetime,
// and blobs are addressed by content: a cached blob can never be stale. Reading
// a blob from a packfile costs ~4 ms even with isomorphic-git's cache, so warm
// reads come from here (bounded, oldest entries dropped first).
const listings = new Map<string, Map<string, string>>();
const blobs = new Map<string, Uint8Array>();
let cachedBytes = 0;
const maxCachedBytes = 64 * 1024 * 1024;

async function readBlobCached(repository: GitRepository, oid: string): Promise<Uint8Array> {
  const key = `${repository.gitdir}\0${oid}`;
  const hit = blobs.get(key);
  if (hit) return hit;
  const { blob } = await git.readBlob({ ...repository, oid });
  if (blob.length < maxCachedBytes / 16) {
    blobs.set(key, blob);
    cachedBytes += blob.length;
    for (const [oldest, bytes] of blobs) {
      if (cachedBytes <= maxCachedBytes) break;
      blobs.delete(oldest);
      cachedBytes -= bytes.length;
    }
  }
  return blob;
}

async function listBlobs(repository: GitRepository, treeOid: string): Promise<Map<string, string>> {
  const key = `${repository.gitdir}\0${treeOid}`;
  const cached = listings.get(key);
  if (cached) return cached;
  const entries = new Map<string, string>();
  const visit = async (oid: string, prefix: string): Promise<void> => {
    const { tree } = await git.readTree({ ...repository, oid });
    await Promise.all(tree.map(async (entry) => {
      if (entry.type === 'tree') await visit(entry.oid, `${prefix}${entry.path}/`);
      else if (entry.type === 'blob') entries.set(`${prefix}${entry.path}`, entry.oid);
    }));
  };
  await visit(treeOid, '');
  listings.set(key, entries);
  return entries;
}

/** Resolves a tag (annotated or lightweight) to the commit it names. */
export async function resolveTagCommit(repository: GitRepository, tag: string): Promise<string | undefined> {
  let oid: string;
  try {
    oid = await git.resolveRef({ ...repository, ref: `refs/tags/${tag}` });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return undefined;
    throw error;
  }
  for (let depth = 0; depth < 5; depth++) {
    const object = await git.readObject({ ...repository, oid, format: 'parsed' });
    if (object.type !== 'tag') return oid;
    oid = (object.object as { object: string }).object;
  }
  return oid;
}

// tag object id -> commit and template tree: objects never change, so only the
// (cheap) ref lookup runs on a warm read.
const resolvedTags = new Map<string, { commit: string; treeOid: string | undefined }>();

async function resolveTemplateTree(repository: GitRepository, tag: string, template: string): Promise<{ commit: string; treeOid: string | undefined } | undefined> {
  let tagOid: string;
  try {
    tagOid = await git.resolveRef({ ...repository, ref: `refs/tags/${tag}` });
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return undefined;
    throw error;
  }
  const key = `${repository.gitdir}\0${tagOid}\0${template}`;
  const cached = resolvedTags.get(key);
  if (cached) return cached;
  const commit = (await resolveTagCommit(repository, tag))!;
  let treeOid: string | undefined;
  try {
    treeOid = (await git.readTree({ ...repository, oid: commit, filepath: `templates/${template}` })).oid;
  } catch (error) {
    if ((error as { code?: string }).code !== 'NotFoundError') throw error;
  }
  const resolved = { commit, treeOid };
  resolvedTags.set(key, resolved);
  return resolved;
}

/**
 * Opens the published tree of `templates/<template>/` at `version`, straight from Git objects.
 * @example const tree = await readTemplateAtVersion('/ws', 'web-service', '1.4.0'); const chart = await tree.readText('Chart.yaml');
 */
export async function readTemplateAtVersion(workspaceDir: string, template: string, version: string): Promise<TemplateTree> {
  const repository = openRepository(workspaceDir);
  const tag = templateTagName(template, version);
  const resolved = await resolveTemplateTree(repository, tag, template);
  if (!resolved?.treeOid) {
    throw new TemplateVersionNotFoundError(
      `Template '${template}' has no published version ${version} (no tag ${tag} with templates/${template}). Publish it first or pick a listed version.`,
      { template, version, published: [] });
  }
  const { commit, treeOid } = resolved;
  const files = await listBlobs(repository, treeOid);
  const readBytes = async (path: string): Promise<Uint8Array> => {
    const oid = files.get(path.replace(/^\.?\//, ''));
    if (!oid) throw new FileNotFoundError(`templates/${template}/${path} does not exist in version ${version} of '${template}'.`, { path: `templates/${template}/${path}` });
    return readBlobCached(repository, oid);
  };
  const decoder = new TextDecoder();
  return {
    template, version, commit,
    paths: [...files.keys()].sort(),
    readBytes,
    readText: async (path) => decoder.decode(await readBytes(path)),
  };
}
