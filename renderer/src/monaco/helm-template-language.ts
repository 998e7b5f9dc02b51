import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api';

/**
 * Chart templates (templates/*.yaml, _helpers.tpl) are Go templates that
 * produce YAML, not YAML: running the YAML validator on them marks every
 * `{{ }}` action as an error. They get their own language, which highlights
 * the YAML around them and the template actions inside them.
 */
export function registerHelmTemplateLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({ id: 'helm-template', aliases: ['Helm template'] });
  monaco.languages.setLanguageConfiguration('helm-template', {
    comments: { lineComment: '#', blockComment: ['{{/*', '*/}}'] },
    brackets: [['{{', '}}'], ['{', '}'], ['[', ']'], ['(', ')']],
    autoClosingPairs: [{ open: '{{', close: ' }}' }, { open: '"', close: '"' }, { open: '(', close: ')' }, { open: '[', close: ']' }],
  });
  monaco.languages.setMonarchTokensProvider('helm-template', {
    keywords: ['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'include', 'break', 'continue', 'nil', 'true', 'false'],
    tokenizer: {
      root: [
        [/\{\{-?\s*\/\*/, { token: 'comment', next: '@templateComment' }],
        [/\{\{-?/, { token: 'delimiter.bracket', next: '@action' }],
        [/#.*$/, 'comment'],
        [/^(\s*-?\s*)([\w./-]+)(\s*:)/, ['white', 'type', 'delimiter']],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'[^']*'/, 'string'],
        [/\b\d+(\.\d+)?\b/, 'number'],
        [/\b(true|false|null)\b/, 'keyword'],
      ],
      action: [
        [/-?\}\}/, { token: 'delimiter.bracket', next: '@pop' }],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/`[^`]*`/, 'string'],
        [/\$[\w]*/, 'variable'],
        [/\.[\w.]+/, 'variable.predefined'],
        [/\b\d+(\.\d+)?\b/, 'number'],
        [/[a-zA-Z_]\w*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/[|():=]/, 'operator'],
      ],
      templateComment: [
        [/\*\/\s*-?\}\}/, { token: 'comment', next: '@pop' }],
        [/./, 'comment'],
      ],
    },
  });
}
