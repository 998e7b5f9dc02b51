import type { FileRevert, TemplateRelease } from './template-releases.js';

/** The files of one template version, keyed by path inside the chart folder. */
export type TemplateFiles = Map<string, string>;

/**
 * Derives every version of one template from its newest files by applying the
 * releases' reverts newest to oldest. Throws when a revert no longer matches
 * the newest files, so an edit to the sample cannot silently corrupt history.
 *
 * @example buildTemplateSnapshots(files, releases).get('1.0.0')?.get('Chart.yaml')
 */
export function buildTemplateSnapshots(newest: TemplateFiles, releases: readonly TemplateRelease[]): Map<string, TemplateFiles> {
  const snapshots = new Map<string, TemplateFiles>();
  let current = new Map(newest);
  const chartVersion = /^version: (.*)$/m.exec(current.get('Chart.yaml') ?? '')?.[1];
  if (releases.length > 0 && chartVersion !== releases[0].version) {
    throw new Error(`sample template ${releases[0].template}: Chart.yaml version ${chartVersion} is not the newest release ${releases[0].version}`);
  }
  for (const release of releases) {
    snapshots.set(release.version, withChartVersion(current, release.version));
    current = new Map(current);
    for (const revert of release.revertToPrevious) applyRevert(current, revert, release);
  }
  return snapshots;
}

function withChartVersion(files: TemplateFiles, version: string): TemplateFiles {
  const copy = new Map(files);
  copy.set('Chart.yaml', (files.get('Chart.yaml') ?? '').replace(/^version: .*$/m, `version: ${version}`));
  return copy;
}

function applyRevert(files: TemplateFiles, revert: FileRevert, release: TemplateRelease): void {
  const where = `sample template ${release.template} ${release.version}, ${revert.file}`;
  const text = files.get(revert.file);
  if (text === undefined) throw new Error(`${where}: the file is missing, so its older version cannot be derived`);
  if ('absent' in revert) {
    files.delete(revert.file);
  } else if ('json' in revert) {
    const schema = JSON.parse(text) as Record<string, any>;
    revert.json(schema);
    files.set(revert.file, JSON.stringify(schema, null, 2) + '\n');
  } else {
    let result = text;
    for (const [newer, older] of revert.replace) {
      const occurrences = result.split(newer).length - 1;
      if (occurrences !== 1) throw new Error(`${where}: expected the text ${JSON.stringify(newer.slice(0, 60))} once, found it ${occurrences} times`);
      result = result.replace(newer, () => older);
    }
    files.set(revert.file, result);
  }
}
