import { create } from 'zustand';
import { deserializeError, type Outcome, type ReportFormatName, type SimulationProgress, type SimulationResult, type StartSimulationRequest } from '../../../../app/api/index.js';
import { api } from '../../api/client.js';
import { useErrorStore, withErrorReport } from '../errors/error-store.js';

export type SimulationTab = 'matrix' | 'changes' | 'timeline';
export type SortKey = 'service' | 'environment' | 'team' | 'template' | 'worst';

export interface CellSelection {
  service: string;
  environment: string;
  policy?: string;
}

interface SimulationState {
  runId: number | null;
  progress: SimulationProgress | null;
  result: SimulationResult | null;
  lastUpdate: 'full' | 'incremental' | null;
  request: StartSimulationRequest;
  tab: SimulationTab;
  filters: { team: string; template: string; outcome: Outcome | ''; text: string };
  sort: { key: SortKey; descending: boolean };
  selected: CellSelection | null;
  setRequest: (patch: Partial<StartSimulationRequest>) => void;
  start: () => Promise<void>;
  cancel: () => Promise<void>;
  loadLast: () => Promise<void>;
  exportReport: (format: ReportFormatName) => Promise<void>;
  setTab: (tab: SimulationTab) => void;
  setFilter: (patch: Partial<SimulationState['filters']>) => void;
  sortBy: (key: SortKey) => void;
  select: (selection: CellSelection | null) => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** View state of the policy simulation; the results come from the core's SimulationApi. */
export const useSimulationStore = create<SimulationState>()((set, get) => ({
  runId: null,
  progress: null,
  result: null,
  lastUpdate: null,
  request: { baselineRef: 'HEAD', includeDrafts: true, asOf: today() },
  tab: 'matrix',
  filters: { team: '', template: '', outcome: '', text: '' },
  sort: { key: 'worst', descending: false },
  selected: null,
  setRequest: (patch) => set((state) => ({ request: { ...state.request, ...patch } })),
  start: async () => {
    const request = { ...get().request };
    if (!request.baselineRef) delete request.baselineRef;
    const started = await withErrorReport('Starting the policy simulation', () => api.simulation.startSimulation(request));
    if (started) set({ runId: started.runId, progress: { phase: 'loading', done: 0, total: 1, message: 'Starting' } });
  },
  cancel: async () => {
    const runId = get().runId;
    if (runId !== null) await withErrorReport('Cancelling the simulation', () => api.simulation.cancelSimulation({ runId }));
  },
  loadLast: async () => {
    const result = await withErrorReport('Loading the last simulation', () => api.simulation.getLastSimulation());
    if (result) set({ result, lastUpdate: 'full' });
  },
  exportReport: async (format) => {
    const report = await withErrorReport(`Exporting the ${format} report`, () => api.simulation.exportSimulationReport({ format }));
    if (!report) return;
    const url = URL.createObjectURL(new Blob([report.text], { type: report.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = report.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  setTab: (tab) => set({ tab }),
  setFilter: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
  sortBy: (key) => set((state) => ({ sort: { key, descending: state.sort.key === key ? !state.sort.descending : false } })),
  select: (selected) => set({ selected }),
}));

/** Subscribes the store to the core's simulation events; returns the unsubscribe. */
export function connectSimulationEvents(): () => void {
  const offProgress = api.simulation.onSimulationProgress(({ runId, progress }) => {
    if (useSimulationStore.getState().runId === runId || useSimulationStore.getState().runId === null) useSimulationStore.setState({ runId, progress });
  });
  const offFinished = api.simulation.onSimulationFinished((event) => {
    const state = useSimulationStore.getState();
    if (event.error) {
      if (state.runId === event.runId) useSimulationStore.setState({ runId: null, progress: null });
      if (event.error.code !== 'SimulationCancelledError') useErrorStore.getState().report('Simulating policies', deserializeError(event.error));
      return;
    }
    useSimulationStore.setState({
      result: event.result ?? null,
      lastUpdate: event.incremental ? 'incremental' : 'full',
      ...(state.runId === event.runId || event.incremental ? { runId: null, progress: null } : {}),
    });
  });
  return () => { offProgress(); offFinished(); };
}
