// Monaco is bundled (no CDN: the app must work offline and talk to 127.0.0.1
// only) with the languages Paver edits: YAML with Paver's schemas, JSON for
// values.schema.json, and Markdown for READMEs.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/editor/editor.all';
import 'monaco-editor/esm/vs/language/json/monaco.contribution';
import 'monaco-editor/esm/vs/basic-languages/markdown/markdown.contribution';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from './editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import JsonWorker from './json.worker?worker';
import { paverSchemas } from './paver-schemas.js';
import { registerHelmTemplateLanguage } from './helm-template-language.js';

let configured = false;

/** Configures Monaco once, before the first editor mounts. */
export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker(_moduleId: string, label: string) {
      if (label === 'yaml') return new YamlWorker();
      if (label === 'json') return new JsonWorker();
      return new EditorWorker();
    },
  };
  supportModuleIdWorkers();
  registerHelmTemplateLanguage(monaco);
  loader.config({ monaco });
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    schemas: paverSchemas(),
  });
  return monaco;
}

type WorkerOptions = { moduleId?: string; label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean; worker?: unknown };

/**
 * Monaco 0.54's full bundle (editor.main) teaches `createWebWorker` to start a
 * worker from a `moduleId`, which monaco-yaml and the JSON language use. The
 * slim import Paver uses lacks that shim, so the workers silently fell back to
 * the main thread; this restores it the same way.
 */
function supportModuleIdWorkers(): void {
  const editorApi = monaco.editor as unknown as { createWebWorker: (options: WorkerOptions) => unknown };
  const original = editorApi.createWebWorker;
  editorApi.createWebWorker = (options: WorkerOptions) => {
    if (options.worker !== undefined) return original(options);
    const environment = (self as unknown as { MonacoEnvironment: { getWorker: (id: string, label: string) => Worker } }).MonacoEnvironment;
    const worker = Promise.resolve(environment.getWorker('workerMain.js', options.label ?? 'monaco-editor-worker')).then((w) => {
      w.postMessage('ignore');
      w.postMessage(options.createData);
      return w;
    });
    return original({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
  };
}

/** The Monaco language for a workspace path. */
export function languageOf(path: string): string {
  // A chart's templates/ folder holds Go templates that render to YAML.
  if (/^templates\/[^/]+\/(.+\/)?templates\//.test(path) && /\.(ya?ml|tpl|txt)$/i.test(path)) return 'helm-template';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.md$/i.test(path)) return 'markdown';
  return 'plaintext';
}
