import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FileEntry, FileGroup } from '../../../../app/api/index.js';
import { useWorkspaceStore } from './workspace-store.js';
import { useEditorStore } from '../editor/editor-store.js';

const groupTitles: Record<FileGroup, string> = { templates: 'Templates', services: 'Services', policies: 'Policies', other: 'Other' };

interface TreeNode {
  name: string;
  path: string;
  children: Map<string, TreeNode>;
  file?: FileEntry;
}

function buildTree(files: FileEntry[], stripPrefix: string): TreeNode {
  const root: TreeNode = { name: '', path: '', children: new Map() };
  for (const file of files) {
    const rest = file.path.startsWith(stripPrefix) ? file.path.slice(stripPrefix.length) : file.path;
    const parts = rest.split('/');
    let node = root;
    parts.forEach((part, i) => {
      let child = node.children.get(part);
      if (!child) {
        child = { name: part, path: stripPrefix + parts.slice(0, i + 1).join('/'), children: new Map() };
        node.children.set(part, child);
      }
      if (i === parts.length - 1) child.file = file;
      node = child;
    });
  }
  return root;
}

function sortedChildren(node: TreeNode): TreeNode[] {
  return [...node.children.values()].sort((a, b) => {
    const aDir = !a.file, bDir = !b.file;
    return aDir !== bDir ? (aDir ? -1 : 1) : a.name.localeCompare(b.name);
  });
}

function TreeItem({ node, depth }: { node: TreeNode; depth: number }) {
  const [open, setOpen] = useState(depth < 1);
  const openFile = useEditorStore((s) => s.openFile);
  const active = useEditorStore((s) => s.active);
  const indent = { paddingLeft: 8 + depth * 12 };
  if (node.file) {
    return (
      <li>
        <button type="button" className={`tree-item file${active === node.path ? ' active' : ''}`} style={indent}
          data-path={node.path} onClick={() => void openFile(node.path)} title={node.path}>
          {node.name}
        </button>
      </li>
    );
  }
  return (
    <li>
      <button type="button" className="tree-item folder" style={indent} aria-expanded={open} data-path={node.path} onClick={() => setOpen(!open)}>
        <span className="chevron">{open ? '▾' : '▸'}</span> {node.name}
      </button>
      {open && (
        <ul>
          {sortedChildren(node).map((child) => <TreeItem key={child.path} node={child} depth={depth + 1} />)}
        </ul>
      )}
    </li>
  );
}

/** The workspace's files in four groups: Templates, Services, Policies, Other. */
export function Explorer({ groups }: { groups: FileGroup[] }) {
  const files = useWorkspaceStore(useShallow((s) => s.files));
  const byGroup = useMemo(() => {
    const map = new Map<FileGroup, FileEntry[]>();
    for (const file of files) map.set(file.group, [...(map.get(file.group) ?? []), file]);
    return map;
  }, [files]);
  return (
    <nav className="explorer" aria-label="Workspace files">
      {groups.map((group) => {
        const entries = byGroup.get(group) ?? [];
        const prefix = group === 'other' ? '' : `${group}/`;
        return (
          <section key={group} className="explorer-group" data-group={group}>
            <h3>{groupTitles[group]} <span className="count">{entries.length}</span></h3>
            {entries.length === 0 ? <p className="empty">No files yet.</p> : (
              <ul role="tree">
                {sortedChildren(buildTree(entries, prefix)).map((node) => <TreeItem key={node.path} node={node} depth={0} />)}
              </ul>
            )}
          </section>
        );
      })}
    </nav>
  );
}
