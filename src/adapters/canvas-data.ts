// What both Canvas adapters read from Canvas's own data: the page's inline `ENV = {…}` object, the JSON
// its REST API answers with, and submissions turned into cells. Not an adapter: a helper the two share.
import type { ParsedScore, ReadingProblem } from '../core/types';
import { parseScore } from '../core/score-parse';

/** The fields of a Canvas submission the adapters use (ENV and REST API alike; ids may be strings or numbers). */
export interface CanvasSubmission {
  assignment_id?: string | number;
  user_id?: string | number;
  score?: number | null;
  /** the grade as Canvas shows it: points, a percent, a letter, `complete` … */
  grade?: string | null;
  excused?: boolean | null;
  late?: boolean;
  missing?: boolean;
  /** `unsubmitted`, `submitted`, `pending_review`, `graded` */
  workflow_state?: string;
}

export interface CanvasAssignment {
  id?: string | number;
  name?: string;
  points_possible?: number | null;
  due_at?: string | null;
  /** "Do not count this assignment towards the final grade" */
  omit_from_final_grade?: boolean;
  assignment_group_id?: string | number;
  /** only with `include[]=submission` (the student's own) */
  submission?: CanvasSubmission;
}

export interface CanvasAssignmentGroup {
  id?: string | number;
  name?: string;
  assignments?: CanvasAssignment[];
}

/** `ENV = {` as Canvas writes it at the top of an inline script. */
const ENV_START = /(?:^|[\s;])ENV\s*=\s*\{/;
/** Canvas prefixes API JSON with this guard unless the request asked it not to. */
const JSON_GUARD = /^\s*while\s*\(1\);/;

/** The end (index after the closing brace) of the JSON object starting at `start`, or -1 when cut off. */
function balancedObjectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The page's `ENV` object, read as JSON (never evaluated) from the first inline script that assigns it;
 * a problem when no script does or its object is cut off or not JSON.
 */
export function readCanvasEnv(doc: Document): Record<string, unknown> | ReadingProblem {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const match = ENV_START.exec(text);
    if (!match) continue;
    const start = match.index + match[0].length - 1;
    const end = balancedObjectEnd(text, start);
    if (end < 0) return { where: 'page', reason: 'the Canvas ENV data is cut off (page still loading?)' };
    try {
      const env: unknown = JSON.parse(text.slice(start, end));
      if (env && typeof env === 'object' && !Array.isArray(env)) return env as Record<string, unknown>;
    } catch (error) {
      return { where: 'page', reason: `the Canvas ENV data is not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { where: 'page', reason: 'no Canvas ENV data found in the page (page still loading?)' };
}

/** A Canvas API answer (fetched as text) as JSON, without the `while(1);` guard. */
export function parseCanvasJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  return JSON.parse(text.replace(JSON_GUARD, ''));
}

export const isProblem = (value: unknown): value is ReadingProblem =>
  typeof value === 'object' && value !== null && 'reason' in value && 'where' in value;

/**
 * A Canvas timestamp as the ISO date it falls on in the course's time zone: a timestamp with its own
 * offset (ENV writes `…T09:00:00-07:00`) already is local; a UTC one (`…Z`, the API) is converted.
 */
export function canvasLocalDate(timestamp: unknown, timeZone?: string): string | undefined {
  if (typeof timestamp !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(timestamp)) return undefined;
  if (!/Z$/i.test(timestamp) || !timeZone) return timestamp.slice(0, 10);
  const moment = new Date(timestamp);
  if (Number.isNaN(moment.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
  } catch {
    return timestamp.slice(0, 10); // an unknown zone name: the UTC date is the closest known
  }
}

export const idOf = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** A positive number of points possible, else undefined (Canvas has 0-point and ungraded assignments). */
export function pointsPossibleOf(assignment: CanvasAssignment): number | undefined {
  const points = assignment.points_possible;
  return typeof points === 'number' && Number.isFinite(points) && points > 0 ? points : undefined;
}

/**
 * A submission as a cell: the score over the points possible, Canvas's own missing / late / excused
 * marks, and nothing entered as not graded. `omitted` (the assignment does not count toward the final
 * grade) is excused, as a "no count" mark is elsewhere. A submission with neither a state nor a score is
 * not understood: undefined.
 */
export function readCanvasSubmission(submission: CanvasSubmission, pointsPossible: number | undefined, omitted: boolean): { raw: string; score: ParsedScore } | undefined {
  const state = typeof submission.workflow_state === 'string' ? submission.workflow_state : '';
  const points = typeof submission.score === 'number' && Number.isFinite(submission.score) ? submission.score : undefined;
  let raw: string;
  let score: ParsedScore;
  if (submission.excused) {
    raw = 'EX';
    score = { flags: { excused: true } };
  } else if (points !== undefined) {
    raw = pointsPossible ? `${points}/${pointsPossible}` : String(points);
    score = parseScore(raw);
  } else if (state) {
    raw = submission.missing ? 'missing' : state;
    score = { flags: { notGraded: true }, ...(pointsPossible ? { outOf: pointsPossible } : {}) };
  } else return undefined;
  if (submission.missing === true) score.flags.missing = true;
  if (submission.late === true) score.flags.late = true;
  if (omitted) score.flags.excused = true;
  return { raw, score };
}
