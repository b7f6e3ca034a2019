// Reads a folder laid out like ../shared/data/oulad/ (the Open University Learning Analytics Dataset:
// Kuzilek, Hlosta & Zdrahal, Scientific Data 4, 170171 (2017), CC BY 4.0) into plain data, one entry per
// module-presentation. Plain comma splitting is enough: no OULAD field contains a comma or a quote.
// Demographic columns are never read: the engine must not flag students by who they are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type AssessmentType = 'TMA' | 'CMA' | 'Exam';
export type FinalResult = 'Distinction' | 'Pass' | 'Fail' | 'Withdrawn';

export interface OuladAssessment {
  id: string;
  type: AssessmentType;
  /** due day, counted from the module start */
  due: number;
  /** % weight in the module */
  weight: number;
}

export interface OuladSubmission {
  /** day submitted (for CMAs: the day the mark was recorded), from the module start; may be negative */
  day: number;
  /** 0–100; undefined for a submission without a mark (`?`) */
  score?: number;
  /** a result carried over from an earlier presentation */
  banked: boolean;
}

export interface OuladStudent {
  id: string;
  result: FinalResult;
  /** day the student withdrew, from the module start; undefined if never */
  unregistered?: number;
  /** by assessment id */
  submissions: Map<string, OuladSubmission>;
}

export interface ModulePresentation {
  /** e.g. `AAA 2013J` */
  key: string;
  /** length in days */
  length: number;
  /** assessments with a due day, by due day; exams whose due day is `?` are left out (no date to replay) */
  assessments: OuladAssessment[];
  students: OuladStudent[];
}

type Row = Record<string, string>;

function readCsv(dir: string, file: string): Row[] {
  const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
  return lines.map((line) => {
    const values = line.split(',');
    const row: Row = {};
    header.forEach((name, i) => (row[name] = (values[i] ?? '').trim()));
    return row;
  });
}

const numberOrUndefined = (text: string | undefined) =>
  text === undefined || text === '' || text === '?' ? undefined : Number(text);

/** Every module-presentation in `dir`, in the order of courses.csv. */
export function loadOulad(dir: string): ModulePresentation[] {
  const modules = new Map<string, ModulePresentation>();
  const keyOf = (row: Row) => `${row.code_module} ${row.code_presentation}`;
  for (const row of readCsv(dir, 'courses.csv')) {
    modules.set(keyOf(row), { key: keyOf(row), length: Number(row.module_presentation_length), assessments: [], students: [] });
  }
  const assessmentModule = new Map<string, ModulePresentation>();
  for (const row of readCsv(dir, 'assessments.csv')) {
    const module = modules.get(keyOf(row));
    const due = numberOrUndefined(row.date);
    if (!module || due === undefined) continue;
    module.assessments.push({ id: row.id_assessment!, type: row.assessment_type as AssessmentType, due, weight: Number(row.weight) });
    assessmentModule.set(row.id_assessment!, module);
  }
  const students = new Map<string, OuladStudent>();
  for (const row of readCsv(dir, 'studentInfo.csv')) {
    const module = modules.get(keyOf(row));
    if (!module) continue;
    const student: OuladStudent = { id: row.id_student!, result: row.final_result as FinalResult, submissions: new Map() };
    module.students.push(student);
    students.set(`${module.key}|${student.id}`, student);
  }
  for (const row of readCsv(dir, 'studentRegistration.csv')) {
    const student = students.get(`${keyOf(row)}|${row.id_student}`);
    const day = numberOrUndefined(row.date_unregistration);
    if (student && day !== undefined) student.unregistered = day;
  }
  for (const row of readCsv(dir, 'studentAssessment.csv')) {
    const module = assessmentModule.get(row.id_assessment!);
    const student = module && students.get(`${module.key}|${row.id_student}`);
    const day = numberOrUndefined(row.date_submitted);
    if (!student || day === undefined) continue;
    const submission: OuladSubmission = { day, banked: row.is_banked === '1' };
    const score = numberOrUndefined(row.score);
    if (score !== undefined) submission.score = score;
    student.submissions.set(row.id_assessment!, submission);
  }
  for (const module of modules.values()) module.assessments.sort((a, b) => a.due - b.due || a.id.localeCompare(b.id));
  return [...modules.values()];
}
