// D2L Brightspace, an assessor's list of one assignment (dropbox) folder's submissions
// (`/d2l/lms/dropbox/admin/mark/folder_submissions_users.d2l?ou=<org unit>&db=<folder>`). Read through
// `readRemote` from Brightspace's Valence LE API, which serves the same folder and submissions as JSON:
// one Reading of the folder's students × that one assignment, with each student's feedback score.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, type FetchSameOrigin, safeMatches, withReader } from './adapter';
import type { ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingProblem, ReadingStudent } from '../core/types';
import { parseScore } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

const PAGE_PATH = /^\/d2l\/lms\/dropbox\/admin\/mark\/folder_submissions_users\.d2l$/i;
const D2L_ID = /^\d+$/;

/** The Valence routes (https://docs.valence.desire2learn.com/res/dropbox.html, …/basic/apicall.html#versions). */
export const brightspacePaths = {
  versions: '/d2l/api/versions/le',
  folders: (version: string, orgUnitId: string) => `/d2l/api/le/${version}/${orgUnitId}/dropbox/folders/`,
  submissions: (version: string, orgUnitId: string, folderId: string) => `/d2l/api/le/${version}/${orgUnitId}/dropbox/folders/${folderId}/submissions/`,
};

/** ENTITYDROPBOXSTATUS_T: 0 Unsubmitted, 1 Submitted, 2 Draft (feedback not published), 3 Published. */
const STATUS_TEXT: Readonly<Record<number, string>> = { 0: 'Unsubmitted', 1: 'Submitted', 2: 'Draft', 3: 'Published' };

interface DropboxFolder {
  Id?: number;
  Name?: string;
  DueDate?: string | null;
  TotalUsers?: number;
  Assessment?: { ScoreDenominator?: number | null } | null;
}

interface EntityDropBox {
  Entity?: { DisplayName?: string; EntityId?: number; EntityType?: string };
  Status?: number;
  Feedback?: { Score?: number | null; GradedSymbol?: string | null; IsGraded?: boolean } | null;
  Submissions?: Array<{ SubmissionDate?: string | null }>;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An instant (UTC ISO) as the date it falls on in the browser's time zone, which is the school's. */
function localDate(timestamp: string | null | undefined): string | undefined {
  const moment = timestamp ? new Date(timestamp) : undefined;
  if (!moment || Number.isNaN(moment.getTime())) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Every submission made after the due date: the folder counts the work as late. */
function isLate(entity: EntityDropBox, dueAt: number): boolean {
  const times = (entity.Submissions ?? []).map((s) => Date.parse(s.SubmissionDate ?? '')).filter(Number.isFinite);
  return Number.isFinite(dueAt) && times.length > 0 && Math.min(...times) > dueAt;
}

function readCell(entity: EntityDropBox, outOf: number | undefined): { raw: string; score: ParsedScore } {
  const feedback = entity.Feedback;
  const status = STATUS_TEXT[entity.Status ?? -1] ?? `status ${String(entity.Status)}`;
  if (typeof feedback?.Score === 'number' && Number.isFinite(feedback.Score)) {
    const raw = outOf ? `${feedback.Score} / ${outOf}` : String(feedback.Score);
    return { raw, score: parseScore(raw) };
  }
  const symbol = collapse(feedback?.GradedSymbol);
  if (symbol) return { raw: symbol, score: parseScore(symbol, outOf) };
  // submitted or not, nothing is graded yet; an unsubmitted folder entry is not called missing here
  return { raw: status, score: { flags: { notGraded: true }, ...(outOf ? { outOf } : {}) } };
}

function readFolder(folder: DropboxFolder, entities: EntityDropBox[], orgUnitId: string, doc: Document, url: URL, now: number): Reading {
  const problems: ReadingProblem[] = [];
  const denominator = folder.Assessment?.ScoreDenominator;
  const outOf = typeof denominator === 'number' && denominator > 0 ? denominator : undefined;
  const assignment: ReadingAssignment = { key: String(folder.Id), name: collapse(folder.Name) || `Folder ${String(folder.Id)}`, dueDate: localDate(folder.DueDate), pointsPossible: outOf };
  const dueAt = Date.parse(folder.DueDate ?? '');
  const students: ReadingStudent[] = [];
  const cells: ReadingCell[] = [];
  entities.forEach((entity, index) => {
    const key = String(entity.Entity?.EntityId ?? '');
    const name = collapse(entity.Entity?.DisplayName);
    if (entity.Entity?.EntityType !== 'User' || !D2L_ID.test(key) || !name || students.some((s) => s.key === key)) {
      problems.push({ where: `submission ${index + 1}`, reason: 'not a user with a unique id and a name (a group folder?): skipped', raw: capRaw(name) });
      return;
    }
    students.push({ key, name, vendorId: key });
    const { raw, score } = readCell(entity, outOf);
    if (isLate(entity, dueAt)) score.flags.late = true;
    if (score.unreadable) problems.push({ where: `cell ${name} × ${assignment.name}`, reason: score.unreadable, raw: capRaw(raw) });
    else cells.push({ studentKey: key, assignmentKey: assignment.key, raw, score });
  });
  const total = folder.TotalUsers;
  if (typeof total === 'number' && total > students.length) {
    problems.push({ where: `folder ${assignment.name}`, reason: `${total - students.length} of the folder's ${total} users have neither a submission nor feedback in the list: their work was not read` });
  }
  return {
    adapterId: brightspaceTeacherInfo.id, view: brightspaceTeacherInfo.view, url: url.href, readAt: now,
    section: { key: orgUnitId, name: collapse(doc.title) || `Brightspace course ${orgUnitId}` },
    students, assignments: [assignment], cells, overall: [], problems,
  };
}

async function latestLeVersion(fetchSameOrigin: FetchSameOrigin): Promise<string> {
  const answer = await fetchSameOrigin(brightspacePaths.versions, 'json') as { LatestVersion?: unknown } | null;
  const version = typeof answer?.LatestVersion === 'string' ? answer.LatestVersion : '';
  if (!/^\d+\.\d+$/.test(version)) throw new Error('the LE API version list names no latest version');
  return version;
}

async function readRemote(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult> {
  const orgUnitId = url.searchParams.get('ou') ?? '';
  const folderId = url.searchParams.get('db') ?? '';
  if (!D2L_ID.test(orgUnitId) || !D2L_ID.test(folderId)) return { readings: [], problems: [{ where: 'page', reason: 'the page address names no org unit (ou) or folder (db)' }] };
  let step = 'the LE API version';
  try {
    const version = await latestLeVersion(fetchSameOrigin);
    step = 'the assignment folders';
    const folders = await fetchSameOrigin(brightspacePaths.folders(version, orgUnitId), 'json');
    const folder = Array.isArray(folders) ? (folders as DropboxFolder[]).find((f) => String(f?.Id) === folderId) : undefined;
    if (!folder) return { readings: [], problems: [{ where: 'folders', reason: `folder ${folderId} is not among the course's assignment folders` }] };
    step = 'the submissions';
    const entities = await fetchSameOrigin(brightspacePaths.submissions(version, orgUnitId, folderId), 'json');
    if (!Array.isArray(entities)) return { readings: [], problems: [{ where: 'submissions', reason: 'Brightspace answered with something other than a list of submissions' }] };
    return { readings: [readFolder(folder, entities as EntityDropBox[], orgUnitId, doc, url, now)], problems: [] };
  } catch (error) {
    return { readings: [], problems: [{ where: 'page', reason: `could not load ${step}: ${reasonOf(error)}` }] };
  }
}

/** The page lists submissions in pages and frames: its own data is read instead. */
function readPage(): AdapterResult {
  return { readings: [], problems: [{ where: 'page', reason: 'Brightspace folder submissions are read from the LE API, not the page' }] };
}

const LE = '1.41';
const cases: AdapterCase[] = [
  {
    fixture: 'local:brightspace/folder-submissions-page.html',
    url: 'https://lakeview.brightspace.com/d2l/lms/dropbox/admin/mark/folder_submissions_users.d2l?ou=6606&db=107439',
    payloads: {
      [brightspacePaths.versions]: 'local:brightspace/versions-le.json',
      [brightspacePaths.folders(LE, '6606')]: 'local:brightspace/dropbox-folders.json',
      [brightspacePaths.submissions(LE, '6606', '107439')]: 'local:brightspace/folder-107439-submissions.json',
    },
    expect: {
      readings: 1, students: 94, assignments: 1,
      cells: [
        { student: 'Avery Stone', assignment: 'Lab 1', raw: '10 / 10', points: 10, outOf: 10, percent: 100, late: false },
        // graded without a submission in the list
        { student: 'Xan Keller', assignment: 'Lab 1', raw: '10 / 10', points: 10, late: false },
        // submitted (after the due date), not graded yet
        { student: 'Finley Irwin D.', assignment: 'Lab 1', raw: 'Submitted', notGraded: true, late: true },
        { student: 'Jamie Mills D.', assignment: 'Lab 1', raw: 'Submitted', notGraded: true, late: false },
      ],
      // 105 users in the folder, 94 in the list
      problems: 1,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const brightspaceTeacherInfo: AdapterInfo = {
  id: 'brightspace-teacher',
  label: 'Brightspace (assignment submissions)',
  view: 'teacher-grid',
  status: 'verified',
  matches: safeMatches((url) => PAGE_PATH.test(url.pathname) && D2L_ID.test(url.searchParams.get('ou') ?? '') && D2L_ID.test(url.searchParams.get('db') ?? '')),
};

export const brightspaceTeacher: Adapter = /* @__PURE__ */ withReader(brightspaceTeacherInfo, readPage, cases, { readRemote });
