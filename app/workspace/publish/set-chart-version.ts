import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { writeFileAtomic } from '../files/atomic-write.js';
import { InvalidFileError } from '../../errors/index.js';

/**
 * Sets `version` in a Chart.yaml, keeping its comments and formatting (yaml Document API); written atomically.
 * @example await setChartVersion('/ws/templates/web-service/Chart.yaml', '1.5.0')
 */
export async function setChartVersion(chartFile: string, version: string): Promise<void> {
  const text = await readFile(chartFile, 'utf8');
  const document = parseDocument(text);
  if (document.errors.length) {
    throw new InvalidFileError(`${chartFile} is not valid YAML (${document.errors[0]!.message.split('\n')[0]}); fix it before publishing.`, { file: chartFile, line: document.errors[0]!.linePos?.[0]?.line, field: 'version' });
  }
  const node = document.get('version', true) as { value?: unknown } | undefined;
  if (node && typeof node === 'object' && 'value' in node) node.value = version;
  else document.set('version', version);
  const updated = document.toString();
  if (updated !== text) await writeFileAtomic(chartFile, updated);
}
