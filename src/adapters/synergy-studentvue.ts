// Synergy StudentVUE / ParentVUE (Edupoint), the student's Grade Book (`PXP2_Gradebook.aspx`). Read as
// the `Gradebook` XML Synergy's PXP web service returns: one Course per class with its current Mark, the
// mark's category summary and the assignments. One Reading per course.
// Traps (all in the saved response): Notes that start with "Missing" may be a teacher's comment, and only
// the mark labels ("Missing (zero)", "Excused", "(Not For Grading)", …) are flags; a rubric course's mark
// (CalculatedScoreRaw 3.1) is on the rubric scale, not a percent.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, type FetchSameOrigin, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { normaliseName, parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

const PAGE_PATH = /\/PXP2_Gradebook\.aspx$/i;
/**
 * Synergy's PXP web service (`ProcessWebServiceRequest`, method `Gradebook`) in its HTTP GET form, on the
 * portal's own host. Its answer (the XML, escaped inside a `<string>`) is what the saved response is. The
 * web Grade Book page itself loads its data by POST (PXP2Communication.asmx), which a same-origin GET
 * cannot repeat; that this GET answers with the portal session alone is documented nowhere (unverified).
 */
export const GRADEBOOK_XML_PATH = '/Service/PXPCommunication.asmx/ProcessWebServiceRequest?userID=&password=&skipLoginLog=true&parent=false'
  + '&webServiceHandleName=PXPWebServices&methodName=Gradebook&paramStr=%3CParms%3E%3CChildIntID%3E0%3C%2FChildIntID%3E%3C%2FParms%3E';

/** Notes that are (or start with) one of Synergy's mark labels: a comment may follow after " - ". */
const NOTE_MARKS: ReadonlyArray<readonly [RegExp, keyof CellFlags]> = [
  [/^missing(?:\s*\([^)]*\))?\s*(?:$|-\s)/i, 'missing'],
  [/^excused\s*(?:$|-\s)/i, 'excused'],
  // does not count toward the grade: excused, as a "no count" mark is elsewhere
  [/^\(not for grading\)/i, 'excused'],
  [/^late\s*(?:$|-\s)/i, 'late'],
  [/^incomplete\s*(?:$|-\s)/i, 'incomplete'],
];
const RUBRIC = /^rubric\s+(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/i;
const POINTS_OF = /^\s*[\d.]+\s*\/\s*([\d.]+)\s*$|^\s*([\d.]+)\s+points possible\s*$/i;
const COURSE_CODE = /\(([^()]+)\)\s*$/;

const attr = (element: Element | null | undefined, name: string) => collapse(element?.getAttribute(name));

function parseXml(text: string, doc: Document): Document | string {
  const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
  const xml = new Parser().parseFromString(text, 'text/xml');
  return xml.getElementsByTagName('parsererror').length > 0 ? 'the gradebook data is not well-formed XML (cut off?)' : xml;
}

/** The `<Gradebook>` element, unwrapped from the web service's `<string>` or SOAP envelope when needed. */
export function findGradebook(text: string, doc: Document): Element | string {
  let xml = parseXml(text, doc);
  for (let depth = 0; depth < 3 && typeof xml !== 'string'; depth++) {
    const gradebook = xml.getElementsByTagName('Gradebook')[0];
    if (gradebook) return gradebook;
    const error = xml.getElementsByTagName('RT_ERROR')[0];
    if (error) return `StudentVUE answered with an error: ${attr(error, 'ERROR_MESSAGE') || 'no message'}`;
    const wrapped = xml.documentElement?.textContent ?? '';
    if (!wrapped.trim().startsWith('<')) break;
    xml = parseXml(wrapped, doc);
  }
  return typeof xml === 'string' ? xml : 'no Gradebook found in the answer';
}

function flagsFromNotes(notes: string): CellFlags {
  const flags: CellFlags = {};
  for (const [pattern, flag] of NOTE_MARKS) if (pattern.test(notes)) flags[flag] = true;
  return flags;
}

function pointsPossibleOf(points: string): number | undefined {
  const match = POINTS_OF.exec(points);
  const possible = Number(match?.[1] ?? match?.[2]);
  return match && Number.isFinite(possible) && possible > 0 ? possible : undefined;
}

function readScore(assignment: Element, pointsPossible: number | undefined): { raw: string; score: ParsedScore } {
  const raw = attr(assignment, 'Score');
  const type = attr(assignment, 'ScoreType');
  let score: ParsedScore;
  if (/^not graded$/i.test(raw)) score = { flags: { notGraded: true }, ...(pointsPossible ? { outOf: pointsPossible } : {}) };
  else if (RUBRIC.test(type) && /^[\d.]+$/.test(raw)) score = parseScore(`${raw}/${RUBRIC.exec(type)![2]}`);
  else if (/^percentage$/i.test(type)) score = parseScore(`${raw.replace(/\(\s*\)$/, '').trim()}%`);
  else score = parseScore(raw, pointsPossible);
  Object.assign(score.flags, flagsFromNotes(attr(assignment, 'Notes')));
  return { raw, score };
}

/** The course mark; a rubric course's CalculatedScoreRaw is on the rubric scale and is not a percent. */
function readOverall(mark: Element, assignments: Element[], studentKey: string, problems: ReadingProblem[]): ReadingOverall | undefined {
  const letter = attr(mark, 'CalculatedScoreString') || undefined;
  const rawScore = attr(mark, 'CalculatedScoreRaw');
  if (!letter && !rawScore) return undefined;
  const rubrics = assignments.map((a) => RUBRIC.exec(attr(a, 'ScoreType')));
  const number = parsePercent(rawScore);
  const rubricTop = rubrics.length > 0 && rubrics.every(Boolean) ? Math.max(...rubrics.map((r) => Number(r![2]))) : undefined;
  const onRubricScale = number !== undefined && rubricTop !== undefined && number <= rubricTop;
  if (onRubricScale) problems.push({ where: `mark ${attr(mark, 'MarkName')}`, reason: `the course score ${rawScore} is on the rubric scale (0–${rubricTop}), not a percent: only the mark ${letter ?? ''} was read`, raw: rawScore });
  return { studentKey, letter, percent: onRubricScale ? undefined : number, raw: capRaw(collapse(`${letter ?? ''} ${rawScore ? `(${rawScore})` : ''}`)) };
}

function readCourse(course: Element, student: ReadingStudent, url: URL, now: number): Reading {
  const problems: ReadingProblem[] = [];
  const title = attr(course, 'Title');
  const marks = Array.from(course.getElementsByTagName('Mark'));
  const mark = marks[0];
  if (marks.length > 1) problems.push({ where: `course ${title}`, reason: `${marks.length - 1} more marks (grading periods) in the data: only ${attr(mark, 'MarkName')} was read` });
  const elements = mark ? Array.from(mark.getElementsByTagName('Assignment')) : [];
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  elements.forEach((element, index) => {
    const key = attr(element, 'GradebookID');
    const name = attr(element, 'Measure');
    if (!key || !name || assignments.some((a) => a.key === key)) {
      problems.push({ where: `${title} assignment ${index + 1}`, reason: 'an assignment without a unique GradebookID or a name', raw: capRaw(name) });
      return;
    }
    const pointsPossible = pointsPossibleOf(attr(element, 'Points'));
    assignments.push({ key, name, category: attr(element, 'Type') || undefined, dueDate: parseUsDate(attr(element, 'DueDate')), pointsPossible });
    const { raw, score } = readScore(element, pointsPossible);
    if (score.unreadable) problems.push({ where: `cell ${student.name} × ${name}`, reason: score.unreadable, raw: capRaw(raw) });
    else cells.push({ studentKey: student.key, assignmentKey: key, raw, score });
  });
  if (!mark) problems.push({ where: `course ${title}`, reason: 'the course has no mark for this grading period (no assignments read)' });
  const overall = mark ? readOverall(mark, elements, student.key, problems) : undefined;
  return {
    adapterId: synergyStudentvueInfo.id, view: synergyStudentvueInfo.view, url: url.href, readAt: now,
    section: { key: COURSE_CODE.exec(title)?.[1]?.trim() || normaliseName(title) || 'course', name: title || 'Course', teacher: attr(course, 'Staff') || undefined, period: attr(course, 'Period') || undefined },
    students: [student], assignments, cells, overall: overall ? [overall] : [], problems,
  };
}

/** Every course of a Gradebook XML answer as readings (pure apart from XML parsing). */
export function readGradebookXml(text: string, doc: Document, url: URL, now: number): AdapterResult {
  const gradebook = findGradebook(text, doc);
  if (typeof gradebook === 'string') return { readings: [], problems: [{ where: 'gradebook data', reason: gradebook }] };
  const courses = Array.from(gradebook.getElementsByTagName('Course'));
  if (courses.length === 0) return { readings: [], problems: [{ where: 'gradebook data', reason: 'the gradebook lists no courses' }] };
  // The answer names no student; the assignments carry the StudentVUE student id.
  const studentId = attr(gradebook.querySelector('Assignment[StudentID]'), 'StudentID');
  const student: ReadingStudent = studentId ? { key: studentId, name: `Student ${studentId}`, vendorId: studentId } : { key: 'student', name: 'Student' };
  const problems: ReadingProblem[] = [{ where: 'gradebook data', reason: "the gradebook data does not name the student: shown by StudentVUE id" }];
  return { readings: courses.map((course) => readCourse(course, student, url, now)), problems };
}

async function readRemote(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult> {
  let text: unknown;
  try {
    text = await fetchSameOrigin(GRADEBOOK_XML_PATH, 'text');
  } catch (error) {
    return { readings: [], problems: [{ where: 'gradebook data', reason: `could not load the gradebook data: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (typeof text !== 'string') return { readings: [], problems: [{ where: 'gradebook data', reason: 'the gradebook data is not text' }] };
  try {
    return readGradebookXml(text, doc, url, now);
  } catch (error) {
    return { readings: [], problems: [{ where: 'gradebook data', reason: `unexpected error while reading: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The web page renders its grade book by script from data it POSTs for: this adapter reads only that data. */
function readPage(): AdapterResult {
  return { readings: [], problems: [{ where: 'page', reason: 'the StudentVUE Grade Book is read from its gradebook data, not the page' }] };
}

const STUDENT = 'Student 100001';
const cases: AdapterCase[] = [
  {
    fixture: 'local:studentvue/gradebook-page.html',
    url: 'https://lakeview-psv.edupoint.com/PXP2_Gradebook.aspx',
    payloads: { [GRADEBOOK_XML_PATH]: 'studentvue/gradebook-response.xml' },
    expect: {
      readings: 6, sectionName: 'AP Chemistry (SCA501.2)', teacher: 'Maya Grant', students: 6, assignments: 133,
      cells: [
        { student: STUDENT, assignment: 'Organic Practice Sets #1-5 (4 pts each)', raw: '0 out of 20.0000', points: 0, outOf: 20, missing: true },
        // a teacher's comment that starts with "Missing", not a missing mark
        { student: STUDENT, assignment: 'JLC Parts 1-4 Reading Assignment', raw: '28 out of 30.0000', points: 28, missing: false },
        { student: STUDENT, assignment: 'Chapter 14 Test', raw: '29 out of 34.0000', excused: true },
        { student: STUDENT, assignment: 'Hilo 3 - Ciudadanía global', raw: 'Not Graded', excused: true, notGraded: true, outOf: 5 },
        { student: STUDENT, assignment: 'China Stations', raw: '3.5', points: 3.5, outOf: 4, percent: 87.5 },
        { student: STUDENT, assignment: 'MPLS', raw: '93 ()', percent: 93 },
        { student: STUDENT, assignment: 'The Stranger Part 1 Assignment', raw: '10 out of 20.0000', late: true },
        { student: STUDENT, assignment: 'The Stranger Part 2 Assignment', late: false },
      ],
      // the student is not named; AP US/Comparative Gov's 3.1 is a rubric score
      problems: 2,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const synergyStudentvueInfo: AdapterInfo = {
  id: 'synergy-studentvue',
  label: 'Synergy StudentVUE / ParentVUE (grade book)',
  view: 'student-detail',
  // the reader is checked on a real Gradebook answer; the request that fetches it is not (see GRADEBOOK_XML_PATH)
  status: 'verified',
  matches: safeMatches((url) => PAGE_PATH.test(url.pathname)),
};

export const synergyStudentvue: Adapter = /* @__PURE__ */ withReader(synergyStudentvueInfo, readPage, cases, { readRemote });
