import { DiffEditor } from '@monaco-editor/react';
import { languageOf } from '../../monaco/setup-monaco.js';
import { useThemeStore } from '../layout/theme-store.js';

/** A read-only Monaco diff of two texts (absent text = the file does not exist on that side). */
export function TextDiff({ original, modified, path, modelKey, height, testId }: { original?: string; modified?: string; path: string; modelKey?: string; height?: number | string; testId?: string }) {
  const theme = useThemeStore((s) => (s.resolved === 'dark' ? 'vs-dark' : 'vs'));
  return (
    <div className="text-diff" data-testid={testId ?? 'text-diff'} data-path={path} style={{ height: height ?? '100%' }}>
      <DiffEditor original={original ?? ''} modified={modified ?? ''} language={languageOf(path)} theme={theme}
        originalModelPath={`diff-old://${modelKey ?? path}`} modifiedModelPath={`diff-new://${modelKey ?? path}`}
        options={{ readOnly: true, originalEditable: false, renderSideBySide: true, automaticLayout: true, minimap: { enabled: false }, scrollBeyondLastLine: false, fontSize: 12 }} />
    </div>
  );
}
