import git from 'isomorphic-git';
import { openRepository } from '../../git/repository.js';
import { parseTemplateTagName } from './template-tags.js';
import { compareVersions, parseVersion } from './semver.js';

/** One published version of a template. */
export interface TemplateVersion {
  template: string;
  version: string;
  tag: string;
  /** The commit the tag points at. */
  commit: string;
  /** ISO date of the tag (annotated) or of the commit (lightweight tag). */
  date: string;
  author: { name: string; email: string };
  /** The annotated tag message; empty for a lightweight tag. */
  changelog: string;
}

/**
 * Lists published versions from the `templates/<name>/v<semver>` tags, newest version first.
 * Pass a template name to list only its versions.
 * @example const versions = await listTemplateVersions('/ws', 'web-service'); // [{version: '1.5.0', changelog: 'Add probes', ...}, ...]
 */
export async function listTemplateVersions(workspaceDir: string, template?: string): Promise<TemplateVersion[]> {
  const repository = openRepository(workspaceDir);
  const tags = await git.listTags(repository);
  const versions: TemplateVersion[] = [];
  for (const tag of tags) {
    const parsed = parseTemplateTagName(tag);
    if (!parsed || (template !== undefined && parsed.template !== template)) continue;
    const oid = await git.resolveRef({ ...repository, ref: `refs/tags/${tag}` });
    const object = await git.readObject({ ...repository, oid, format: 'content' });
    let version: TemplateVersion;
    if (object.type === 'tag') {
      const { tag: annotated } = await git.readTag({ ...repository, oid });
      version = {
        ...parsed, tag, commit: annotated.object,
        date: new Date(annotated.tagger.timestamp * 1000).toISOString(),
        author: { name: annotated.tagger.name, email: annotated.tagger.email },
        changelog: annotated.message.trim(),
      };
    } else {
      const { commit } = await git.readCommit({ ...repository, oid });
      version = {
        ...parsed, tag, commit: oid,
        date: new Date(commit.author.timestamp * 1000).toISOString(),
        author: { name: commit.author.name, email: commit.author.email },
        changelog: '',
      };
    }
    versions.push(version);
  }
  return versions.sort((a, b) => a.template.localeCompare(b.template) || compareVersions(parseVersion(b.version)!, parseVersion(a.version)!));
}
