import { useShallow } from 'zustand/react/shallow';
import { useErrorStore } from './error-store.js';

/** The one place every error is shown, newest first, with retry where it makes sense. */
export function ErrorCentre() {
  const { errors, open } = useErrorStore(useShallow((s) => ({ errors: s.errors, open: s.open })));
  const dismiss = useErrorStore((s) => s.dismiss);
  const clear = useErrorStore((s) => s.clear);
  const setOpen = useErrorStore((s) => s.setOpen);
  if (!open || errors.length === 0) return null;
  return (
    <section className="error-centre" role="log" aria-label="Errors" data-testid="error-centre">
      <header>
        <h2>Errors</h2>
        <button type="button" onClick={clear}>Clear all</button>
        <button type="button" aria-label="Hide errors" onClick={() => setOpen(false)}>×</button>
      </header>
      <ul>
        {errors.map((e) => (
          <li key={e.id} data-code={e.code}>
            <div className="error-context">{e.context} <span className="muted">{e.at} · {e.code}</span></div>
            <div className="error-message">{e.message}</div>
            <div className="error-actions">
              {e.retry && <button type="button" onClick={() => { dismiss(e.id); void e.retry!().catch((error: unknown) => useErrorStore.getState().report(e.context, error, e.retry)); }}>Retry</button>}
              <button type="button" onClick={() => dismiss(e.id)}>Dismiss</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
