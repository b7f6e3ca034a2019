// One section's grade history as CSV (RFC 4180), for a spreadsheet.
//
// Columns: observed at (ISO 8601, UTC), student, assignment, due date, what happened, before, after.
// - One row per grade event of an assignment cell; "what happened" is the event kind (`score-changed`, …)
//   and before/after are the cell texts as the gradebook showed them.
// - The overall grade comes from the overall-grade series rather than from `overall-changed` events, since
//   the series also holds the first grade seen: `overall-grade-seen` for a student's first, then
//   `overall-changed` with the previous grade as "before". Assignment and due date are empty on those rows.
// Rows are in time order (then by student, then by assignment), after one header row; lines end in CRLF.
import type { GradeEvent, OverallGrade } from '../core/types';
import type { HeadsUpDb } from './db';

const HEADER = ['Observed at (UTC)', 'Student', 'Assignment', 'Due date', 'What happened', 'Before', 'After'];

interface CsvRow {
  observedAt: number;
  student: string;
  assignment: string;
  dueDate: string;
  kind: string;
  before: string;
  after: string;
}

export async function sectionHistoryCsv(db: HeadsUpDb, sectionId: string): Promise<string> {
  const [events, overall, assignments, students] = await db.transaction(
    'r',
    [db.events, db.overall, db.assignments, db.students],
    async () => {
      const [events, overall, assignments] = await Promise.all([
        db.events.where('sectionId').equals(sectionId).toArray(),
        db.overall.where('sectionId').equals(sectionId).toArray(),
        db.assignments.where('sectionId').equals(sectionId).toArray(),
      ]);
      const studentIds = [...new Set([...events, ...overall].map((r) => r.studentId))];
      return [events, overall, assignments, await db.students.bulkGet(studentIds)] as const;
    },
  );
  const nameOf = new Map(students.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
  const assignmentOf = new Map(assignments.map((a) => [a.id, a]));
  const student = (id: string) => nameOf.get(id) ?? id;

  const rows: CsvRow[] = events
    .filter((e) => e.kind !== 'overall-changed')
    .map((e) => {
      const a = e.assignmentId ? assignmentOf.get(e.assignmentId) : undefined;
      return {
        observedAt: e.observedAt,
        student: student(e.studentId),
        assignment: a?.name ?? e.assignmentId ?? '',
        dueDate: a?.dueDate ?? '',
        kind: e.kind,
        before: textOf(e.before),
        after: textOf(e.after),
      };
    });
  rows.push(...overallRows(overall, student));
  rows.sort(
    (x, y) => x.observedAt - y.observedAt || x.student.localeCompare(y.student) || x.assignment.localeCompare(y.assignment),
  );
  const lines = [HEADER, ...rows.map((r) => [new Date(r.observedAt).toISOString(), r.student, r.assignment, r.dueDate, r.kind, r.before, r.after])];
  return lines.map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

function textOf(state: GradeEvent['before']): string {
  return state?.raw ?? '';
}

function overallRows(series: OverallGrade[], student: (id: string) => string): CsvRow[] {
  const previous = new Map<string, OverallGrade>();
  return [...series]
    .sort((a, b) => a.observedAt - b.observedAt)
    .map((o) => {
      const before = previous.get(o.studentId);
      previous.set(o.studentId, o);
      return {
        observedAt: o.observedAt,
        student: student(o.studentId),
        assignment: '',
        dueDate: '',
        kind: before ? 'overall-changed' : 'overall-grade-seen',
        before: before?.raw ?? '',
        after: o.raw,
      };
    });
}

/**
 * One field, RFC 4180-quoted when it holds a comma, quote or line break. A field starting with = + - @
 * (or a tab or carriage return) gets a leading `'`: spreadsheets run such text as a formula, and names
 * and cell texts come from web pages, so `=HYPERLINK(…)` in a student's name must stay text (OWASP
 * "CSV injection"). The cost is a visible `'` on texts like `--` (not graded) or `-5`.
 */
export function csvCell(text: string): string {
  const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
