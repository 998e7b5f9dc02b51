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

// Tags are immutable, so a tree's listing can be kept for the process lifetime.
const listings = new Map<string, Map<string, string>>();

async function listBlobs(repository: GitRepository, treeOid: string): Promise<Map<string, string>> {
  const key = `${repository.gitdir}\0${treeOid}`;
  const cached = listings.get(key);
  if (cached) return cached;
  const blobs = new Map<string, string>();
  const visit = async (oid: string, prefix: string): Promise<void> => {
    const { tree } = await git.readTree({ ...repository, oid });
    await Promise.all(tree.map(async (entry) => {
      if (entry.type === 'tree') await visit(entry.oid, `${prefix}${entry.path}/`);
      else if (entry.type === 'blob') blobs.set(`${prefix}${entry.path}`, entry.oid);
    }));
  };
  await visit(treeOid, '');
  listings.set(key, blobs);
  return blobs;
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

/**
 * Opens the published tree of `templates/<template>/` at `version`, straight from Git objects.
 * @example const tree = await readTemplateAtVersion('/ws', 'web-service', '1.4.0'); const chart = await tree.readText('Chart.yaml');
 */
export async function readTemplateAtVersion(workspaceDir: string, template: string, version: string): Promise<TemplateTree> {
  const repository = openRepository(workspaceDir);
  const tag = templateTagName(template, version);
  const commit = await resolveTagCommit(repository, tag);
  const notFound = (): TemplateVersionNotFoundError => new TemplateVersionNotFoundError(
    `Template '${template}' has no published version ${version} (no tag ${tag}). Publish it first or pick a listed version.`,
    { template, version, published: [] });
  if (!commit) throw notFound();
  let treeOid: string;
  try {
    treeOid = (await git.readTree({ ...repository, oid: commit, filepath: `templates/${template}` })).oid;
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') throw notFound();
    throw error;
  }
  const blobs = await listBlobs(repository, treeOid);
  const readBytes = async (path: string): Promise<Uint8Array> => {
    const oid = blobs.get(path.replace(/^\.?\//, ''));
    if (!oid) throw new FileNotFoundError(`templates/${template}/${path} does not exist in version ${version} of '${template}'.`, { path: `templates/${template}/${path}` });
    return (await git.readBlob({ ...repository, oid })).blob;
  };
  const decoder = new TextDecoder();
  return {
    template, version, commit,
    paths: [...blobs.keys()].sort(),
    readBytes,
    readText: async (path) => decoder.decode(await readBytes(path)),
  };
}
