import { describe, expect, it } from 'vitest';
import { checkRoster, familiesFrom, guessMapping, parseRoster, type KnownStudent } from '../../src/core/roster-import';

const students: KnownStudent[] = [
  { id: 'src|s1', key: '100001', name: 'Stone, Avery' },
  { id: 'src|s2', key: '100002', name: 'Núñez, José' },
  { id: 'src|s3', key: '100003', name: 'Lee, Sam' },
  { id: 'src|s4', key: '100004', name: 'Lee, Sam' },
  { id: 'src|s5', key: '100005', name: 'Park, Dmitri' },
];

const CSV = [
  '\uFEFFStudent ID,Student Name,Guardian Name,Relationship,Email,Phone,Preferred Channel,Language',
  '100001,"Stone, Avery",Jo Stone,mother,jo@example.org,555-010-0100,email,English',
  ',Jose Nunez,"María Núñez, Sr.",madre,maria@example.org,,text,Español',
  ',Sam Lee,Pat Lee,father,pat@example.org,,,',
  '100001,"Stone, Avery",Jo Stone,mother,jo@example.org,555-010-0100,email,English',
  '999999,Nobody Here,Kim Doe,aunt,kim@example.org,,,',
  '100005,,Ann Park,mother,not-an-email,,,',
  ',Dana Park,Chris Park,father,,555 010 0199,phone,',
].join('\r\n');

describe('roster import', () => {
  const roster = parseRoster(CSV);
  const mapping = guessMapping(roster.header);
  const outcome = checkRoster(roster, mapping, students);

  it('reads the header (without the byte-order mark) and maps columns by their words', () => {
    expect(roster.header[0]).toBe('Student ID');
    expect(mapping).toEqual({ studentId: 0, studentName: 1, guardianName: 2, relation: 3, email: 4, phone: 5, channel: 6, language: 7 });
    expect(guessMapping(['Estudiante', 'Tutor', 'Correo electrónico', 'Teléfono celular', 'Idioma'])).toEqual({ studentName: 0, guardianName: 1, email: 2, phone: 3, language: 4 });
  });

  it('matches by id, else by name in either order, accents and all', () => {
    expect(outcome[0]).toMatchObject({ row: 2, status: 'ok', studentId: 'src|s1', channel: 'email', language: 'en' });
    expect(outcome[1]).toMatchObject({ row: 3, status: 'ok', studentId: 'src|s2', channel: 'text', language: 'es', guardian: { name: 'María Núñez, Sr.', relation: 'madre' } });
  });

  it('gives every bad row its reason: two students of one name, duplicate, unknown student, bad email', () => {
    expect(outcome[2]).toMatchObject({ row: 4, status: 'error', reason: '2 students are called Sam Lee' });
    expect(outcome[3]).toMatchObject({ row: 5, status: 'error', reason: 'duplicate of an earlier row' });
    expect(outcome[4]).toMatchObject({ row: 6, status: 'error', reason: 'no student called Nobody Here' });
    expect(outcome[5]).toMatchObject({ row: 7, status: 'error', reason: '"not-an-email" is not an email address' });
  });

  it('offers a near match for review instead of taking it', () => {
    expect(outcome[6]).toMatchObject({ row: 8, status: 'uncertain', studentId: 'src|s5', reason: 'no student called Dana Park; closest is Park, Dmitri' });
  });

  it('gathers the accepted rows into one family per student', () => {
    const accepted = outcome.filter((o): o is Extract<typeof o, { status: 'ok' }> => o.status === 'ok');
    const families = familiesFrom(accepted, 7);
    expect(families).toHaveLength(2);
    expect(families[0]).toEqual({ studentId: 'src|s1', guardians: [{ name: 'Jo Stone', relation: 'mother', email: 'jo@example.org', phone: '555-010-0100' }], preferredChannel: 'email', language: 'en', updatedAt: 7 });
  });
});
