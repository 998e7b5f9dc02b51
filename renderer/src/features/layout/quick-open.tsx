import { useEffect, useMemo, useRef, useState } from 'react';
import { useWorkspaceStore } from '../workspace/workspace-store.js';
import { useEditorStore } from '../editor/editor-store.js';
import { useLayoutStore } from './layout-store.js';

/** Scores a path against a query: all query characters in order; contiguous and basename hits rank higher. */
export function fuzzyScore(path: string, query: string): number | null {
  if (!query) return 0;
  const lower = path.toLowerCase();
  const q = query.toLowerCase();
  let score = 0, from = 0, streak = 0;
  const baseStart = lower.lastIndexOf('/') + 1;
  for (const ch of q) {
    const index = lower.indexOf(ch, from);
    if (index < 0) return null;
    streak = index === from ? streak + 1 : 0;
    score += 1 + streak * 2 + (index >= baseStart ? 2 : 0);
    from = index + 1;
  }
  return score - path.length * 0.01;
}

/** Ctrl/Cmd+P: find a file by a few letters of its path. */
export function QuickOpen() {
  const visible = useLayoutStore((s) => s.quickOpen);
  const setVisible = useLayoutStore((s) => s.setQuickOpen);
  const files = useWorkspaceStore((s) => s.files);
  const openFile = useEditorStore((s) => s.openFile);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { if (visible) { setQuery(''); setSelected(0); input.current?.focus(); } }, [visible]);
  const matches = useMemo(() => files
    .map((f) => ({ path: f.path, score: fuzzyScore(f.path, query) }))
    .filter((m): m is { path: string; score: number } => m.score !== null)
    .sort((a, b) => b.score - a.score)
    .slice(0, 50), [files, query]);
  if (!visible) return null;
  const choose = (path: string | undefined) => {
    if (path) void openFile(path);
    setVisible(false);
  };
  return (
    <div className="overlay" onMouseDown={() => setVisible(false)}>
      <div className="quick-open" role="dialog" aria-label="Quick open" onMouseDown={(e) => e.stopPropagation()}>
        <input ref={input} value={query} placeholder="Type to find a file…" aria-label="File name" data-testid="quick-open-input"
          onChange={(e) => { setQuery(e.target.value); setSelected(0); }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setVisible(false);
            else if (e.key === 'ArrowDown') { e.preventDefault(); setSelected((s) => Math.min(s + 1, matches.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setSelected((s) => Math.max(s - 1, 0)); }
            else if (e.key === 'Enter') { e.preventDefault(); choose(matches[selected]?.path); }
          }} />
        <ul role="listbox">
          {matches.map((m, i) => (
            <li key={m.path} role="option" aria-selected={i === selected} className={i === selected ? 'selected' : ''} onMouseDown={() => choose(m.path)}>
              <span className="base">{m.path.split('/').pop()}</span> <span className="muted">{m.path}</span>
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No file matches.</li>}
        </ul>
      </div>
    </div>
  );
}
