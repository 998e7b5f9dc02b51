import { create } from 'zustand';

export type Activity = 'explorer' | 'templates' | 'services' | 'policies' | 'cluster' | 'git';

interface LayoutState {
  activity: Activity;
  quickOpen: boolean;
  workspaceMenu: boolean;
  /** Open view tabs (see view-registry.tsx), such as `simulation` or `template:web-service`. */
  views: string[];
  /** The view shown in the main area, or null when the active file editor is. */
  activeView: string | null;
  setActivity: (activity: Activity) => void;
  setQuickOpen: (open: boolean) => void;
  setWorkspaceMenu: (open: boolean) => void;
  openView: (id: string) => void;
  closeView: (id: string) => void;
  showEditor: () => void;
}

export const useLayoutStore = create<LayoutState>()((set) => ({
  activity: 'explorer',
  quickOpen: false,
  workspaceMenu: false,
  views: [],
  activeView: null,
  setActivity: (activity) => set({ activity }),
  setQuickOpen: (quickOpen) => set({ quickOpen }),
  setWorkspaceMenu: (workspaceMenu) => set({ workspaceMenu }),
  openView: (id) => set((state) => ({ views: state.views.includes(id) ? state.views : [...state.views, id], activeView: id })),
  closeView: (id) => set((state) => ({ views: state.views.filter((v) => v !== id), activeView: state.activeView === id ? null : state.activeView })),
  showEditor: () => set({ activeView: null }),
}));
