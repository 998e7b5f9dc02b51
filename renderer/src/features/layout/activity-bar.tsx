import { useLayoutStore, type Activity } from './layout-store.js';
import { ActivityIcon } from './activity-icons.js';

const activities: { id: Activity; label: string }[] = [
  { id: 'explorer', label: 'Explorer' },
  { id: 'templates', label: 'Templates' },
  { id: 'services', label: 'Services' },
  { id: 'policies', label: 'Policies' },
  { id: 'cluster', label: 'Cluster' },
  { id: 'git', label: 'Git' },
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
          <ActivityIcon activity={a.id} />
          <span className="activity-label">{a.label}</span>
        </button>
      ))}
    </nav>
  );
}
