import type { Activity } from './layout-store.js';

// Simple line icons drawn inline: system fonts lack some symbols, and the app loads nothing remote.
const paths: Record<Activity, string> = {
  explorer: 'M4 5h7l2 2h7v12H4z',
  templates: 'M12 3l8 4.5v9L12 21l-8-4.5v-9zM12 12l8-4.5M12 12v9M12 12L4 7.5',
  services: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  policies: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  cluster: 'M12 2.5l8.2 4.7v9.6L12 21.5l-8.2-4.7V7.2zM12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
  git: 'M6 3v12M6 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM18 6a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM18 12c0 3-4 3-12 6',
};

/** The icon of an activity-bar button. */
export function ActivityIcon({ activity }: { activity: Activity }) {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" aria-hidden="true">
      <path d={paths[activity]} />
    </svg>
  );
}
