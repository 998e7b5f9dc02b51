// Standard 5-field cron (minute hour day-of-month month day-of-week) plus the
// @hourly/@daily/... macros, evaluated in UTC as the CronJob controller does
// by default.
const macros: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};

function parseField(text: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const bounds = range === '*' || range === '?' ? [min, max] : range!.split('-').map(Number);
    const low = bounds[0]!;
    const high = bounds[1] ?? (stepText ? max : low);
    if (!Number.isInteger(low) || !Number.isInteger(high) || !Number.isInteger(step) || step < 1 || low < min || high > max) {
      throw new Error(`invalid cron field "${text}"`);
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return values;
}

/** A parsed schedule. */
export interface CronSchedule {
  matches(date: Date): boolean;
}

/** Parses a cron expression; throws on syntax errors. */
export function parseCron(expression: string): CronSchedule {
  const fields = (macros[expression.trim()] ?? expression).trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: ${expression}`);
  const [minute, hour, day, month, weekday] = [
    parseField(fields[0]!, 0, 59), parseField(fields[1]!, 0, 23), parseField(fields[2]!, 1, 31), parseField(fields[3]!, 1, 12), parseField(fields[4]!.replace('7', '0'), 0, 6),
  ];
  const anyDay = fields[2] === '*' || fields[2] === '?';
  const anyWeekday = fields[4] === '*' || fields[4] === '?';
  return {
    matches(date) {
      if (!minute.has(date.getUTCMinutes()) || !hour.has(date.getUTCHours()) || !month.has(date.getUTCMonth() + 1)) return false;
      const dayOk = day.has(date.getUTCDate());
      const weekdayOk = weekday.has(date.getUTCDay());
      // Cron's rule: when both day fields are restricted, either may match.
      return anyDay || anyWeekday ? dayOk && weekdayOk : dayOk || weekdayOk;
    },
  };
}

/** The most recent scheduled minute in (after, until], or undefined. */
export function lastScheduledBetween(schedule: CronSchedule, afterMs: number, untilMs: number): Date | undefined {
  const minuteMs = 60_000;
  const first = Math.floor(afterMs / minuteMs) * minuteMs + minuteMs;
  // Look back at most a week of minutes, like the controller's missed-start cap.
  const start = Math.max(first, untilMs - 7 * 24 * 60 * minuteMs);
  for (let t = Math.floor(untilMs / minuteMs) * minuteMs; t >= start; t -= minuteMs) {
    const date = new Date(t);
    if (schedule.matches(date)) return date;
  }
  return undefined;
}
