/** An honest placeholder for an area that is not built yet: no fake data. */
export function ComingSoon({ title, what, issue }: { title: string; what: string; issue: string }) {
  return (
    <div className="coming-soon" data-testid="coming-soon">
      <h3>{title}: coming</h3>
      <p>{what}</p>
      <p className="muted">Tracked in {issue}. Until then, the files are in the explorer and on disk.</p>
    </div>
  );
}
