import { create } from 'zustand';
import type { BumpLevelName, PublishOutcome, PublishPreview, TemplateFileChange, TemplateSummary } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { withErrorReport } from '../errors/error-store.js';

interface PublishDialog {
  template: string;
  bump: BumpLevelName | null;
  message: string;
  preview: PublishPreview | null;
  checking: boolean;
  publishing: boolean;
  result: PublishOutcome | null;
}

interface TemplateState {
  templates: TemplateSummary[];
  loading: boolean;
  /** Per template: the two sides compared (a version or 'draft') and the result. */
  compare: Record<string, { from: string; to: string; changes: TemplateFileChange[] | null; file: string | null }>;
  publish: PublishDialog | null;
  load: () => Promise<void>;
  setCompare: (template: string, patch: { from?: string; to?: string }) => Promise<void>;
  selectFile: (template: string, file: string) => void;
  openPublish: (template: string) => Promise<void>;
  setBump: (bump: BumpLevelName) => Promise<void>;
  setPublishMessage: (message: string) => void;
  confirmPublish: () => Promise<void>;
  closePublish: () => void;
}

/** View state of the Templates activity; versions, diffs and publishing come from the core's TemplateApi. */
export const useTemplateStore = create<TemplateState>()((set, get) => ({
  templates: [],
  loading: false,
  compare: {},
  publish: null,
  load: async () => {
    set({ loading: true });
    const templates = await withErrorReport('Listing templates and their versions', () => api.templates.listTemplates());
    set({ loading: false, ...(templates ? { templates } : {}) });
  },
  setCompare: async (template, patch) => {
    const summary = get().templates.find((t) => t.name === template);
    const current = get().compare[template] ?? { from: summary?.versions[0]?.version ?? 'draft', to: 'draft', changes: null, file: null };
    const next = { ...current, ...patch, changes: null };
    set((state) => ({ compare: { ...state.compare, [template]: next } }));
    const changes = await withErrorReport(`Comparing ${template} ${next.from} with ${next.to}`, () => api.templates.diffVersions({ template, from: next.from, to: next.to }));
    const latest = get().compare[template];
    if (!changes || !latest || latest.from !== next.from || latest.to !== next.to) return;
    const file = changes.some((c) => c.path === latest.file) ? latest.file : changes[0]?.path ?? null;
    set((state) => ({ compare: { ...state.compare, [template]: { ...latest, changes, file } } }));
  },
  selectFile: (template, file) => set((state) => {
    const current = state.compare[template];
    return current ? { compare: { ...state.compare, [template]: { ...current, file } } } : {};
  }),
  openPublish: async (template) => {
    set({ publish: { template, bump: null, message: '', preview: null, checking: true, publishing: false, result: null } });
    const preview = await withErrorReport(`Checking ${template} before publishing`, () => api.templates.previewPublish({ template }));
    const dialog = get().publish;
    if (dialog?.template === template) set({ publish: { ...dialog, preview: preview ?? null, bump: preview?.suggestedBump ?? 'patch', checking: false } });
  },
  setBump: async (bump) => {
    const dialog = get().publish;
    if (!dialog) return;
    set({ publish: { ...dialog, bump, checking: true } });
    const preview = await withErrorReport(`Checking ${dialog.template} as a ${bump} release`, () => api.templates.previewPublish({ template: dialog.template, bump }));
    const now = get().publish;
    if (now?.template === dialog.template && now.bump === bump) set({ publish: { ...now, preview: preview ?? now.preview, checking: false } });
  },
  setPublishMessage: (message) => set((state) => (state.publish ? { publish: { ...state.publish, message } } : {})),
  confirmPublish: async () => {
    const dialog = get().publish;
    if (!dialog?.bump) return;
    set({ publish: { ...dialog, publishing: true } });
    const result = await withErrorReport(`Publishing ${dialog.template}`, () => api.templates.publish({ template: dialog.template, bump: dialog.bump!, message: dialog.message }));
    const now = get().publish;
    if (now) set({ publish: { ...now, publishing: false, result: result ?? null } });
    if (result) {
      // The draft just became a version: compare from it again.
      set((state) => { const compare = { ...state.compare }; delete compare[dialog.template]; return { compare }; });
      await get().load();
    }
  },
  closePublish: () => set({ publish: null }),
}));
