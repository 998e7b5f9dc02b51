import { useMemo, useState } from 'react';
import type { Outcome, SimulationMatrix } from '../../../../app/api/index.js';
import { useSimulationStore, type SortKey } from './simulation-store.js';
import { visibleRows, worstOutcome } from './visible-rows.js';

const rowHeight = 28;
const headerHeight = 30;
const overscan = 8;
export const outcomeLabels: Record<Outcome, string> = { deny: 'deny', error: 'error', warn: 'warn', 'not-evaluated': 'n/e', audit: 'audit', allow: '✓' };

function SortHeader({ label, sortKey, width }: { label: string; sortKey: SortKey; width: number }) {
  const sort = useSimulationStore((s) => s.sort);
  const sortBy = useSimulationStore((s) => s.sortBy);
  const active = sort.key === sortKey;
  return (
    <button type="button" className="matrix-head sortable" style={{ width }} onClick={() => sortBy(sortKey)}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      {label}{active ? (sort.descending ? ' ▾' : ' ▴') : ''}
    </button>
  );
}

/**
 * Services × policies. Only the rows in view are rendered, so a catalogue of
 * thousands of services scrolls smoothly.
 */
export function SimulationMatrixView({ matrix }: { matrix: SimulationMatrix }) {
  const filters = useSimulationStore((s) => s.filters);
  const sort = useSimulationStore((s) => s.sort);
  const selected = useSimulationStore((s) => s.selected);
  const select = useSimulationStore((s) => s.select);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const rows = useMemo(() => visibleRows([...matrix.rows], filters, sort), [matrix, filters, sort]);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const policyWidth = 112;
  // Rows are absolutely positioned, so they give the scroller no width: state it.
  const totalWidth = 190 + 60 + 90 + 170 + 70 + matrix.policies.length * policyWidth;
  return (
    <div className="matrix" role="grid" aria-rowcount={rows.length + 1} data-testid="simulation-matrix">
      {/* One scroller for both axes: the header sticks to the top and the service column to the left. */}
      <div className="matrix-scroll" onScroll={(e) => setScrollTop(Math.max(0, e.currentTarget.scrollTop - headerHeight))}
        ref={(element) => { if (element && element.clientHeight !== height) setHeight(element.clientHeight || 600); }}>
        <div className="matrix-header" role="row" style={{ width: totalWidth, height: headerHeight }}>
          <SortHeader label="Service" sortKey="service" width={190} />
          <SortHeader label="Env" sortKey="environment" width={60} />
          <SortHeader label="Team" sortKey="team" width={90} />
          <SortHeader label="Template" sortKey="template" width={170} />
          <SortHeader label="Worst" sortKey="worst" width={70} />
          {matrix.policies.map((policy) => (
            <div key={policy} className="matrix-head policy" style={{ width: policyWidth }} title={policy} role="columnheader">{policy}</div>
          ))}
        </div>
        <div style={{ height: rows.length * rowHeight, width: totalWidth, position: 'relative' }}>
          {rows.slice(first, last).map((row, i) => {
            const worst = worstOutcome(row);
            const isSelected = selected?.service === row.service && selected.environment === row.environment;
            return (
              <div key={`${row.service}/${row.environment}`} role="row" className={`matrix-row${isSelected ? ' selected' : ''}`}
                style={{ top: (first + i) * rowHeight, height: rowHeight, width: totalWidth }} data-service={row.service} data-environment={row.environment}>
                <button type="button" className="matrix-cell name" style={{ width: 190 }} onClick={() => select({ service: row.service, environment: row.environment })}>{row.service}</button>
                <div className="matrix-cell env" style={{ width: 60 }}>{row.environment}</div>
                <div className="matrix-cell" style={{ width: 90 }}>{row.team}</div>
                <div className="matrix-cell" style={{ width: 170 }} title={row.version}>{row.template} {row.version}</div>
                <div className={`matrix-cell outcome-${worst}`} style={{ width: 70 }}>{outcomeLabels[worst]}</div>
                {matrix.policies.map((policy) => {
                  const outcome = row.renderError ? 'error' : row.cells[policy];
                  return (
                    <button key={policy} type="button" role="gridcell" className={`matrix-cell outcome-${outcome ?? 'none'}`} style={{ width: policyWidth }}
                      aria-label={`${row.service} ${row.environment} ${policy}: ${outcome ?? 'not applicable'}`} data-policy={policy}
                      onClick={() => select({ service: row.service, environment: row.environment, policy })}>
                      {outcome ? outcomeLabels[outcome] : ''}
                    </button>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <div className="matrix-footer">{rows.length} of {matrix.rows.length} service-environments shown</div>
    </div>
  );
}
