import { useLayoutStore, type Activity } from './layout-store.js';

const activities: { id: Activity; label: string; icon: string }[] = [
  { id: 'explorer', label: 'Explorer', icon: '☰' },
  { id: 'templates', label: 'Templates', icon: '⎔' },
  { id: 'services', label: 'Services', icon: '▦' },
  { id: 'policies', label: 'Policies', icon: '⛨' },
  { id: 'cluster', label: 'Cluster', icon: '☸' },
  { id: 'git', label: 'Git', icon: '⑂' },
];

/** The left-most bar: one button per area of the studio. */
export function ActivityBar() {
  const activity = useLayoutStore((s) => s.activity);
  const setActivity = useLayoutStore((s) => s.setActivity);
  return (
    <nav className="activity-bar" aria-label="Areas">
      {activities.map((a) => (
        <button key={a.id} type="button" className={a.id === activity ? 'active' : ''} aria-pressed={a.id === activity}
          aria-label={a.label} title={a.label} data-activity={a.id} onClick={() => setActivity(a.id)}>
          <span aria-hidden="true">{a.icon}</span>
          <span className="activity-label">{a.label}</span>
        </button>
      ))}
    </nav>
  );
}
