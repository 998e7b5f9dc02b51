import { create } from 'zustand';
import { PaverError } from '../../../../app/api/index.js';

export interface ReportedError {
  id: number;
  code: string;
  message: string;
  /** What the user was doing, such as "Saving services/checkout.yaml". */
  context: string;
  at: string;
  retry?: () => Promise<unknown>;
  data?: unknown;
}

interface ErrorState {
  errors: ReportedError[];
  open: boolean;
  report: (context: string, error: unknown, retry?: () => Promise<unknown>) => void;
  dismiss: (id: number) => void;
  clear: () => void;
  setOpen: (open: boolean) => void;
}

let nextId = 0;

/** The one error centre: every failure the user should see lands here. */
export const useErrorStore = create<ErrorState>()((set) => ({
  errors: [],
  open: false,
  report: (context, error, retry) => {
    const entry: ReportedError = {
      id: ++nextId,
      code: error instanceof PaverError ? error.code : 'Error',
      message: error instanceof Error ? error.message : String(error),
      data: error instanceof PaverError ? error.data : undefined,
      context,
      at: new Date().toLocaleTimeString(),
      retry,
    };
    set((state) => ({ errors: [entry, ...state.errors].slice(0, 100), open: true }));
  },
  dismiss: (id) => set((state) => ({ errors: state.errors.filter((e) => e.id !== id) })),
  clear: () => set({ errors: [], open: false }),
  setOpen: (open) => set({ open }),
}));

/** Runs an action and reports its failure to the error centre, with a retry. */
export async function withErrorReport<T>(context: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    useErrorStore.getState().report(context, error, action);
    return undefined;
  }
}
