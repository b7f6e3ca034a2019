// Families' contacts from a roster or contacts export (CSV with a header): parse, map columns to fields,
// check each row, and match it to a student Heads-Up has read. Pure: the options page shows the result
// and the background stores only what the teacher accepts.
import Papa from 'papaparse';
import { normaliseName } from './score-parse';
import type { Channel, Family, Guardian } from './types';

export type RosterField = 'studentId' | 'studentName' | 'guardianName' | 'relation' | 'email' | 'phone' | 'channel' | 'language';
export const ROSTER_FIELDS: readonly RosterField[] = ['studentId', 'studentName', 'guardianName', 'relation', 'email', 'phone', 'channel', 'language'];

/** field → column index in the header (absent: not in the file) */
export type RosterMapping = Partial<Record<RosterField, number>>;

export interface ParsedRoster {
  header: string[];
  rows: string[][];
  /** rows papaparse could not read cleanly, 1-based line numbers with the reason */
  problems: Array<{ row: number; reason: string }>;
}

/** The students a row may be matched to. */
export interface KnownStudent {
  id: string;
  name: string;
  /** the vendor's id or the page's key */
  key: string;
}

export type RowOutcome =
  | { row: number; status: 'ok'; studentId: string; guardian: Guardian; channel?: Channel; language?: string }
  | { row: number; status: 'uncertain'; studentId: string; studentName: string; reason: string; guardian: Guardian; channel?: Channel; language?: string }
  | { row: number; status: 'error'; reason: string };

export function parseRoster(csv: string): ParsedRoster {
  const result = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = result.data;
  return {
    header: header.map((h) => h.trim()),
    rows,
    problems: result.errors.map((e) => ({ row: (e.row ?? 0) + 1, reason: e.message })),
  };
}

/** Header words that name each field, in English and Spanish exports. */
const HEADER_HINTS: Record<RosterField, RegExp> = {
  studentId: /^(student\s*(id|number|#)|id\s*(del\s*)?estudiante|sis\s*id|local\s*id)$/i,
  studentName: /^(student(\s*name)?|estudiante|alumno|nombre del estudiante|name)$/i,
  guardianName: /^(guardian|parent|contact)(\s*(name|\d))?$|^(tutor|padre|madre|contacto)/i,
  relation: /^(relation(ship)?|relaci[oó]n|parentesco)$/i,
  email: /e-?mail|correo/i,
  phone: /phone|mobile|cell|tel[eé]fono|celular/i,
  channel: /^(preferred\s*)?(channel|contact\s*method|method)$|^(canal|medio)/i,
  language: /^(preferred\s*)?(language|lang)$|^idioma/i,
};

/** The likely column for each field, from the header words. The teacher corrects what is wrong. */
export function guessMapping(header: readonly string[]): RosterMapping {
  const mapping: RosterMapping = {};
  for (const field of ROSTER_FIELDS) {
    const index = header.findIndex((h, i) => HEADER_HINTS[field].test(h.trim()) && !Object.values(mapping).includes(i));
    if (index !== -1) mapping[field] = index;
  }
  return mapping;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** A phone number has at least 7 digits, whatever the punctuation. Shared with the hand editor. */
export const MIN_PHONE_DIGITS = 7;
export const isEmailAddress = (text: string): boolean => EMAIL.test(text);
export const isPhoneNumber = (text: string): boolean => text.replace(/\D/g, '').length >= MIN_PHONE_DIGITS;
const CHANNELS: Record<string, Channel> = { email: 'email', 'e-mail': 'email', correo: 'email', text: 'text', sms: 'text', texto: 'text', phone: 'phone', call: 'phone', 'teléfono': 'phone', telefono: 'phone', llamada: 'phone' };
const LANGUAGES: Record<string, string> = { en: 'en', english: 'en', 'inglés': 'en', ingles: 'en', es: 'es', spanish: 'es', 'español': 'es', espanol: 'es' };

/** "Stone, Avery" and "Avery Stone" name the same person; compare both as first-then-last. */
function comparableName(name: string): string {
  const n = normaliseName(name);
  const comma = n.indexOf(',');
  return comma === -1 ? n : `${n.slice(comma + 1).trim()} ${n.slice(0, comma).trim()}`;
}

function matchStudent(id: string, name: string, students: readonly KnownStudent[]): { student?: KnownStudent; certain: boolean; reason?: string } {
  if (id) {
    const byId = students.find((s) => s.key === id);
    if (byId) return { student: byId, certain: true };
  }
  if (!name) return { certain: false, reason: id ? `no student with id ${id}` : 'no student id or name' };
  const wanted = comparableName(name);
  const same = students.filter((s) => comparableName(s.name) === wanted);
  if (same.length === 1) return { student: same[0], certain: !id, ...(id ? { reason: `id ${id} not found; matched by name` } : {}) };
  if (same.length > 1) return { certain: false, reason: `${same.length} students are called ${name}` };
  // A near match (same last name and first initial) is offered for review, never taken silently.
  const [first = '', ...rest] = wanted.split(' ');
  const near = students.filter((s) => {
    const [f = '', ...r] = comparableName(s.name).split(' ');
    return r.join(' ') === rest.join(' ') && f.charAt(0) === first.charAt(0);
  });
  if (near.length === 1) return { student: near[0], certain: false, reason: `no student called ${name}; closest is ${near[0]!.name}` };
  return { certain: false, reason: `no student called ${name}` };
}

/** Checks every row against the mapping and the known students. */
export function checkRoster(roster: ParsedRoster, mapping: RosterMapping, students: readonly KnownStudent[]): RowOutcome[] {
  const cell = (row: string[], field: RosterField) => (mapping[field] === undefined ? '' : (row[mapping[field]!] ?? '').trim());
  const seen = new Set<string>();
  return roster.rows.map((row, i): RowOutcome => {
    const line = i + 2; // the header is line 1
    const email = cell(row, 'email');
    const phone = cell(row, 'phone');
    const guardianName = cell(row, 'guardianName');
    if (email && !isEmailAddress(email)) return { row: line, status: 'error', reason: `"${email}" is not an email address` };
    if (phone && !isPhoneNumber(phone)) return { row: line, status: 'error', reason: `"${phone}" is not a phone number` };
    if (!email && !phone) return { row: line, status: 'error', reason: 'no email or phone' };
    const match = matchStudent(cell(row, 'studentId'), cell(row, 'studentName'), students);
    if (!match.student) return { row: line, status: 'error', reason: match.reason ?? 'unknown student' };
    const duplicateKey = `${match.student.id}|${normaliseName(guardianName)}|${email.toLowerCase()}|${phone.replace(/\D/g, '')}`;
    if (seen.has(duplicateKey)) return { row: line, status: 'error', reason: 'duplicate of an earlier row' };
    seen.add(duplicateKey);
    const guardian: Guardian = { name: guardianName || email || phone, ...(cell(row, 'relation') ? { relation: cell(row, 'relation') } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
    const channel = CHANNELS[cell(row, 'channel').toLowerCase()];
    const language = LANGUAGES[cell(row, 'language').toLowerCase()];
    const extra = { ...(channel ? { channel } : {}), ...(language ? { language } : {}) };
    if (!match.certain) return { row: line, status: 'uncertain', studentId: match.student.id, studentName: match.student.name, reason: match.reason ?? 'matched by name', guardian, ...extra };
    return { row: line, status: 'ok', studentId: match.student.id, guardian, ...extra };
  });
}

/** Families from the accepted rows: guardians of one student gathered, first channel and language kept. */
export function familiesFrom(accepted: ReadonlyArray<Extract<RowOutcome, { studentId: string }>>, now: number): Family[] {
  const byStudent = new Map<string, Family>();
  for (const row of accepted) {
    const family = byStudent.get(row.studentId) ?? { studentId: row.studentId, guardians: [], updatedAt: now };
    family.guardians.push(row.guardian);
    if (!family.preferredChannel && row.channel) family.preferredChannel = row.channel;
    if (!family.language && row.language) family.language = row.language;
    byStudent.set(row.studentId, family);
  }
  return [...byStudent.values()];
}
