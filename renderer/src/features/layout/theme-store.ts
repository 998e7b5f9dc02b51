import { create } from 'zustand';
import type { ThemePreference } from '../../../../app/api/index.js';

interface ThemeState {
  preference: ThemePreference;
  resolved: 'light' | 'dark';
  setPreference: (preference: ThemePreference) => void;
  setSystemDark: (dark: boolean) => void;
}

const media = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
let systemDark = media?.matches ?? false;

const resolve = (preference: ThemePreference): 'light' | 'dark' =>
  preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;

/** Light or dark, following the OS unless the user chose one in settings. */
export const useThemeStore = create<ThemeState>()((set, get) => ({
  preference: 'system',
  resolved: resolve('system'),
  setPreference: (preference) => set({ preference, resolved: resolve(preference) }),
  setSystemDark: (dark) => {
    systemDark = dark;
    set({ resolved: resolve(get().preference) });
  },
}));

media?.addEventListener('change', (event) => useThemeStore.getState().setSystemDark(event.matches));
