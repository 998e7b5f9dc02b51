import { create } from 'zustand';
import type { ClusterContexts } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { withErrorReport } from '../errors/error-store.js';

interface ClusterState {
  contexts: ClusterContexts | null;
  loading: boolean;
  open: boolean;
  refresh: () => Promise<void>;
  select: (name: string) => Promise<void>;
  setOpen: (open: boolean) => void;
}

/** The cluster picker's view state; contexts and reachability come from the core. */
export const useClusterStore = create<ClusterState>()((set, get) => ({
  contexts: null,
  loading: false,
  open: false,
  refresh: async () => {
    if (get().loading) return;
    set({ loading: true });
    const contexts = await withErrorReport('Checking kubeconfig contexts', () => api.cluster.listClusterContexts());
    set({ loading: false, ...(contexts ? { contexts } : {}) });
  },
  select: async (name) => {
    const contexts = await withErrorReport(`Selecting context ${name}`, () => api.cluster.selectClusterContext({ name }));
    if (contexts) set({ contexts, open: false });
  },
  setOpen: (open) => {
    set({ open });
    if (open) void get().refresh();
  },
}));
