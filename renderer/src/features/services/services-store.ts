import { create } from 'zustand';
import type { ServiceUsageTable, UpgradePlanInfo } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { withErrorReport } from '../errors/error-store.js';

interface UpgradeState {
  template: string;
  to: string;
  services: string[];
  plan: UpgradePlanInfo | null;
  planning: boolean;
  applying: boolean;
  branch: string;
  applied: { branch: string; commit: string; files: string[] } | null;
}

interface ServicesState {
  table: ServiceUsageTable | null;
  filters: { template: string; version: string; team: string; behindOnly: boolean };
  /** Services ticked in the table, for the upgrade assistant. */
  chosen: string[];
  upgrade: UpgradeState | null;
  load: () => Promise<void>;
  setFilter: (patch: Partial<ServicesState['filters']>) => void;
  toggleChosen: (service: string) => void;
  openUpgrade: (template: string, services: string[]) => void;
  setUpgrade: (patch: Partial<Pick<UpgradeState, 'to' | 'services' | 'branch'>>) => void;
  plan: () => Promise<void>;
  apply: () => Promise<void>;
}

/** View state of the Services activity: the usage table and the upgrade assistant. */
export const useServicesStore = create<ServicesState>()((set, get) => ({
  table: null,
  filters: { template: '', version: '', team: '', behindOnly: false },
  chosen: [],
  upgrade: null,
  load: async () => {
    const table = await withErrorReport('Reading the service table', () => api.templates.serviceUsage());
    if (table) set({ table });
  },
  setFilter: (patch) => set((state) => ({ filters: { ...state.filters, ...patch, ...(patch.template !== undefined && patch.template !== state.filters.template ? { version: '' } : {}) } })),
  toggleChosen: (service) => set((state) => ({ chosen: state.chosen.includes(service) ? state.chosen.filter((s) => s !== service) : [...state.chosen, service] })),
  openUpgrade: (template, services) => {
    const latest = get().table?.templates.find((t) => t.name === template)?.latest ?? '';
    set({ upgrade: { template, to: latest, services, plan: null, planning: false, applying: false, branch: '', applied: null } });
  },
  setUpgrade: (patch) => set((state) => (state.upgrade ? { upgrade: { ...state.upgrade, ...patch, ...('to' in patch || 'services' in patch ? { plan: null } : {}) } } : {})),
  plan: async () => {
    const upgrade = get().upgrade;
    if (!upgrade?.to) return;
    set({ upgrade: { ...upgrade, planning: true, plan: null, applied: null } });
    const plan = await withErrorReport(`Planning the upgrade to ${upgrade.template} ${upgrade.to}`, () => api.templates.planUpgrade({ template: upgrade.template, to: upgrade.to, services: upgrade.services }));
    const now = get().upgrade;
    if (now) set({ upgrade: { ...now, planning: false, plan: plan ?? null } });
  },
  apply: async () => {
    const upgrade = get().upgrade;
    if (!upgrade?.plan) return;
    set({ upgrade: { ...upgrade, applying: true } });
    const applied = await withErrorReport(`Upgrading ${upgrade.services.join(', ')} to ${upgrade.template} ${upgrade.to}`,
      () => api.templates.applyUpgrade({ template: upgrade.template, to: upgrade.to, services: upgrade.services, ...(upgrade.branch.trim() ? { branch: upgrade.branch.trim() } : {}) }));
    const now = get().upgrade;
    if (now) set({ upgrade: { ...now, applying: false, applied: applied ?? null } });
    if (applied) { set({ chosen: [] }); await get().load(); }
  },
}));
