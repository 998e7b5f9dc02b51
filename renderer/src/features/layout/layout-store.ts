import { create } from 'zustand';

export type Activity = 'explorer' | 'templates' | 'services' | 'policies' | 'cluster' | 'git';

interface LayoutState {
  activity: Activity;
  quickOpen: boolean;
  workspaceMenu: boolean;
  setActivity: (activity: Activity) => void;
  setQuickOpen: (open: boolean) => void;
  setWorkspaceMenu: (open: boolean) => void;
}

export const useLayoutStore = create<LayoutState>()((set) => ({
  activity: 'explorer',
  quickOpen: false,
  workspaceMenu: false,
  setActivity: (activity) => set({ activity }),
  setQuickOpen: (quickOpen) => set({ quickOpen }),
  setWorkspaceMenu: (workspaceMenu) => set({ workspaceMenu }),
}));
