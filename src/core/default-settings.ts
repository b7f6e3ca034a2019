// The settings a teacher starts with: a typical school calendar for today and the usual thresholds.
// Apart from the engine so that a screen needing only the settings does not load the rules.
import { addDays, isoDateFromParts, parseIsoDate, weekdayOf } from './calendar-dates';
import type { Settings } from './types';

/** The Friday closest to a day of a month (schools send reports home at the end of a week). */
function fridayNear(year: number, month: number, day: number): string {
  const date = isoDateFromParts(year, month, day);
  let offset = 5 - weekdayOf(date);
  if (offset > 3) offset -= 7;
  if (offset < -3) offset += 7;
  return addDays(date, offset);
}

/**
 * A typical US calendar for the school year containing `today`, for the teacher to adjust.
 * Fall term: mid-August to mid-January; progress reports mid-September and mid-November, quarters end
 * mid-October and mid-January. Spring term: from the Monday after to early June; progress reports
 * mid-February and mid-April, the quarter ends mid-March. Report dates are moved to the nearest Friday.
 * From July on, the coming fall term; through the first half of January, the fall term still running.
 */
export function defaultSettings(today: string): Settings {
  const date = parseIsoDate(today);
  if (!date) throw new Error(`defaultSettings needs an ISO date, got ${JSON.stringify(today)}`);
  const fallOf = (year: number) => {
    const termEnd = fridayNear(year + 1, 1, 15);
    return {
      termStart: isoDateFromParts(year, 8, 15),
      reportDates: [fridayNear(year, 9, 15), fridayNear(year, 10, 15), fridayNear(year, 11, 15), termEnd],
      termEnd,
    };
  };
  let calendar = fallOf(date.month >= 7 ? date.year : date.year - 1);
  if (date.month < 7 && today > calendar.termEnd) {
    const termEnd = fridayNear(date.year, 6, 5);
    calendar = {
      termStart: addDays(calendar.termEnd, 3),
      reportDates: [fridayNear(date.year, 2, 15), fridayNear(date.year, 3, 15), fridayNear(date.year, 4, 15), termEnd],
      termEnd,
    };
  }
  return {
    calendar,
    thresholds: { lowGrade: 70, missingCount: 2, dropPoints: 10, cadenceDays: 7 },
    signature: '',
  };
}
