// An OULAD module-presentation as the gradebook a teacher would have seen on a given day, built as the
// plain StudentHistory the engine reads from storage. The mapping (see shared/data/README.md):
// - the module-presentation is a section; it starts on MODULE_START (one fixed date for all: only the
//   day counts matter); day d is MODULE_START + d;
// - each assessment with a due day is an assignment due that day, worth its weight in points (so the
//   points-based grade is the module's own weighted coursework grade); exams with a `?` due day are left
//   out (there is no day to replay them on);
// - a submission shows from the day it was submitted as its score (a percent of the weight); a TMA
//   submitted after its due day is marked late; a submission without a mark shows as not yet graded;
// - banked results (carried over from an earlier presentation) count as submitted on their (negative)
//   day, so they show from day 0: the teacher's gradebook would list them from the start;
// - a TMA past its due day with no submission is marked missing from the day after; a CMA only once
//   CMA_MARKING_DAYS more have passed (from due + 7), because OULAD dates a CMA by the day its mark was
//   recorded, 2–6 days after the due day (README, "Quirks"): until then it is not yet graded for everyone;
// - a late submission of work that was showing missing clears the missing mark (a `missing-cleared`
//   event, which is what the engine's made-up-work win reads).
// The calendar: term start = day 0, report dates at the quarter (a progress report) and the midpoint
// (the midterm), term end = the module's length.
import { DAY_MS, addDays } from '../../src/core/calendar-dates';
import { defaultSettings } from '../../src/core/engine';
import type { StudentHistory } from '../../src/core/proposal-types';
import type { Assignment, GradeEvent, Settings, StoredCell, Thresholds } from '../../src/core/types';
import type { ModulePresentation, OuladAssessment, OuladStudent } from './oulad-data';

export const MODULE_START = '2013-10-01';
/** A CMA with no mark more than this many days after its due day is missing (OULAD records CMA marks 2–6 days late). */
export const CMA_MARKING_DAYS = 6;

export const isoDay = (day: number) => addDays(MODULE_START, day);

/** Local noon of module day `day`: a `now` that is that calendar date in every time zone. */
export function momentOfDay(day: number): number {
  const [y, m, d] = isoDay(day).split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
}

export const midpointOf = (module: ModulePresentation) => Math.floor(module.length / 2);

/** The engine's default thresholds (or these, for fitting) with the module's calendar. */
export function moduleSettings(module: ModulePresentation, thresholds: Partial<Thresholds> = {}): Settings {
  const defaults = defaultSettings(MODULE_START);
  return {
    ...defaults,
    thresholds: { ...defaults.thresholds, ...thresholds },
    calendar: {
      termStart: isoDay(0),
      reportDates: [isoDay(Math.floor(module.length / 4)), isoDay(midpointOf(module))],
      termEnd: isoDay(module.length),
    },
  };
}

/** The first day an assessment with no submission shows as missing. */
export const missingFrom = (a: OuladAssessment) => a.due + 1 + (a.type === 'CMA' ? CMA_MARKING_DAYS : 0);

/** The days on which this student's gradebook changes: a submission shows or work turns missing. */
export function changeDays(module: ModulePresentation, student: OuladStudent): number[] {
  const days = new Set<number>();
  for (const a of module.assessments) {
    const submission = student.submissions.get(a.id);
    if (!submission || submission.day >= missingFrom(a)) days.add(missingFrom(a));
    if (submission) days.add(Math.max(0, submission.day));
  }
  return [...days].sort((a, b) => a - b);
}

/** The section's assignments (shared by every student's history of the module). */
export function moduleAssignments(module: ModulePresentation): Assignment[] {
  const sectionId = `oulad|${module.key}`;
  return module.assessments.map((a, position) => ({
    id: `${sectionId}|${a.id}`,
    sectionId,
    key: a.id,
    name: `${a.type} ${a.id}`,
    category: a.type,
    dueDate: isoDay(a.due),
    pointsPossible: a.weight,
    position,
  }));
}

/** One student's history as the gradebook showed it on module day `day`. */
export function historyOnDay(
  module: ModulePresentation,
  assignments: Assignment[],
  student: OuladStudent,
  day: number,
): StudentHistory {
  const sectionId = `oulad|${module.key}`;
  const studentId = `oulad|${module.key}|${student.id}`;
  const cells: StoredCell[] = [];
  const events: GradeEvent[] = [];
  module.assessments.forEach((a, i) => {
    const submission = student.submissions.get(a.id);
    const shownFrom = submission ? Math.max(0, submission.day) : undefined;
    const base = { id: `${sectionId}|${student.id}|${a.id}`, sectionId, studentId, assignmentId: assignments[i]!.id };
    if (submission && shownFrom !== undefined && shownFrom <= day) {
      const since = momentOfDay(shownFrom);
      const late = a.type === 'TMA' && submission.day > a.due;
      const flags = { ...(late ? { late: true } : {}), ...(submission.score === undefined ? { notGraded: true } : {}) };
      const score =
        submission.score === undefined
          ? { flags }
          : { points: (submission.score * a.weight) / 100, outOf: a.weight, percent: submission.score, flags };
      cells.push({ ...base, raw: submission.score === undefined ? '' : String(submission.score), score, since, seenAt: since });
      if (shownFrom >= missingFrom(a)) {
        events.push({ kind: 'missing-cleared', sectionId, studentId, assignmentId: base.assignmentId, observedAt: since, readingId: 0 });
      }
    } else if (day >= missingFrom(a)) {
      const since = momentOfDay(missingFrom(a));
      cells.push({ ...base, raw: 'M', score: { flags: { missing: true } }, since, seenAt: since });
    }
  });
  return {
    student: { id: studentId, sourceId: 'oulad', key: student.id, name: `Student ${student.id}`, sectionIds: [sectionId] },
    section: { id: sectionId, sourceId: 'oulad', key: module.key, name: module.key, view: 'teacher-grid' },
    assignments,
    cells,
    events,
    overall: [],
    contacts: [],
  };
}

/** The module day of a moment (for tests and reports). */
export const dayOfMoment = (moment: number) => Math.round((moment - momentOfDay(0)) / DAY_MS);
