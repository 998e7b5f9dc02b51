// An internal error carrying Helm's wording for a chart that cannot be loaded;
// the public API turns it into ChartLoadError (app/errors).

/** A chart loading failure with Helm's message and the chart-relative file it concerns. */
export class ChartLoadProblem extends Error {
  constructor(message: string, readonly file: string) {
    super(message);
  }

  /** Adds Helm's `<context>: ` prefix (as errors.Wrapf does). */
  wrap(context: string): ChartLoadProblem {
    return new ChartLoadProblem(`${context}: ${this.message}`, this.file);
  }
}
