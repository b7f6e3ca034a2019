// The tone check: every word rule fires on its example and offers its rewrite; the structural checks;
// reading level per language; and the labelled corpus (tests/core/tone-corpus.jsonl) holds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TONE_RULES, checkTone, type Finding, type ToneInput } from '../../src/core/tone';
import { readingLevel } from '../../src/core/tone/readability';
import { spanishSyllables } from '../../src/core/tone/spanish-syllables';
import { toneRulesEn } from '../../src/core/tone/rules-en';
import { toneRulesEs } from '../../src/core/tone/rules-es';

const SPECIFIC = ' Quiz 4 is due Oct 9. Could we talk this week?';
const check = (text: string, extra: Partial<ToneInput> = {}) =>
  checkTone({ text, language: 'en', channel: 'email', kind: 'heads-up', ...extra });
const byRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

/** One example per word rule: [language, rule, text, the flagged phrase, its rewrite (undefined = none)]. */
const EXAMPLES: [string, string, string, string, string | undefined][] = [
  ['en', 'lazy', 'Devon is lazy about homework.', 'lazy', 'having a hard time getting started'],
  ['en', 'careless', 'His lab was careless.', 'careless', 'rushed'],
  ['en', 'unmotivated', "Sara doesn't care about the class.", "doesn't care", undefined],
  ['en', 'refuses', 'Leo refuses to start his essay.', 'refuses to', 'has not yet been able to'],
  ['en', 'wont', "Mia won't finish the lab.", "won't", "hasn't been able to"],
  ['en', 'fails-to', 'He failed to turn in Lab 2.', 'failed to', 'did not'],
  ['en', 'you-need-to', 'You need to check the portal.', 'You need to', 'Could we'],
  ['en', 'problem', 'Missing work is a problem.', 'problem', 'concern'],
  ['en', 'attitude', 'His attitude in class has changed.', 'attitude', 'engagement'],
  ['en', 'disrespectful', 'She was disrespectful in class.', 'disrespectful', undefined],
  ['en', 'unacceptable', 'This grade is unacceptable.', 'unacceptable', 'not where we want it to be'],
  ['en', 'always', 'He is always late.', 'always', 'often'],
  ['en', 'never', 'She never brings her book.', 'never', 'rarely'],
  ['en', 'struggling-student', 'Ethan is a struggling student.', 'struggling student', 'student'],
  ['en', 'fixed-ability', 'He is not a math person.', 'not a math person', undefined],
  ['en', 'at-risk', 'Nia is an at-risk learner.', 'at-risk', undefined],
  ['en', 'family-circumstances', 'I know it is a single-parent home.', 'single-parent home', undefined],
  ['en', 'no-support-at-home', 'There is no support at home.', 'no support at home', undefined],
  ['en', 'should-have', 'You should have seen the grade.', 'You should have', 'From here, could we'],
  ['en', 'your-responsibility', 'It is your responsibility to check.', 'It is your responsibility', undefined],
  ['en', 'you-didnt', "You haven't checked the portal.", "You haven't checked", undefined],
  ['en', 'make-sure', 'Please make sure your son does it.', 'make sure', undefined],
  ['en', 'obviously', 'Obviously the weekend was busy.', 'Obviously ', ''],
  ['en', 'yeah-right', 'He says he studied, yeah right.', 'yeah right', ''],
  ['es', 'flojo', 'Daniel es flojo con la tarea.', 'es flojo', 'le está costando empezar'],
  ['es', 'descuidado', 'Su trabajo fue descuidado.', 'descuidado', 'apresurado'],
  ['es', 'no-le-interesa', 'A Bruno no le interesa la clase.', 'no le interesa', undefined],
  ['es', 'se-niega', 'Javier se niega a trabajar.', 'se niega a', 'todavía no ha podido'],
  ['es', 'no-cumple', 'Ana no cumple con las tareas.', 'no cumple con', 'todavía no ha completado'],
  ['es', 'tiene-que', 'Usted tiene que revisar el portal.', 'Usted tiene que', 'Sería de gran ayuda'],
  ['es', 'problema', 'Las tareas son un problema.', 'problema', 'dificultad'],
  ['es', 'actitud', 'Me preocupa su actitud en clase.', 'su actitud', 'su participación'],
  ['es', 'irrespetuoso', 'Fue irrespetuoso en clase.', 'irrespetuoso', undefined],
  ['es', 'inaceptable', 'Esta calificación es inaceptable.', 'inaceptable', 'lejos de donde queremos'],
  ['es', 'siempre', 'Siempre llega tarde.', 'Siempre', 'A menudo'],
  ['es', 'nunca', 'Nunca trae su libro.', 'Nunca', 'Pocas veces'],
  ['es', 'mal-estudiante', 'Luis es un alumno de bajo rendimiento.', 'alumno de bajo rendimiento', undefined],
  ['es', 'capacidad-fija', 'Tomás no es bueno para las matemáticas.', 'no es bueno para', undefined],
  ['es', 'en-riesgo', 'Es un estudiante en riesgo.', 'en riesgo', undefined],
  ['es', 'circunstancias-familia', 'Sé que es un hogar desestructurado.', 'hogar desestructurado', undefined],
  ['es', 'sin-apoyo-en-casa', 'Se nota la falta de apoyo en casa.', 'falta de apoyo en casa', undefined],
  ['es', 'deberia-haber', 'Usted debería haber revisado.', 'Usted debería haber', 'A partir de ahora, podríamos'],
  ['es', 'su-responsabilidad', 'Es su responsabilidad revisar.', 'Es su responsabilidad', undefined],
  ['es', 'usted-no-ha', 'Usted no ha revisado el portal.', 'Usted no ha revisado', undefined],
  ['es', 'asegurese', 'Asegúrese de que haga la tarea.', 'Asegúrese de que', undefined],
  ['es', 'obviamente', 'Obviamente tenía otras cosas.', 'Obviamente ', ''],
  ['es', 'que-sorpresa', 'Entregó tarde, qué sorpresa.', 'qué sorpresa', ''],
];

describe('word rules', () => {
  it('every rule in the tables has an example here', () => {
    for (const rules of TONE_RULES) {
      const covered = new Set(EXAMPLES.filter(([language]) => language === rules.language).map(([, rule]) => rule));
      for (const rule of rules.wordRules) expect(covered.has(rule.rule), `${rules.language}/${rule.rule}`).toBe(true);
    }
  });

  it.each(EXAMPLES)('%s %s: flags its phrase and offers its rewrite', (language, rule, text, phrase, rewrite) => {
    const found = byRule(checkTone({ text: text + SPECIFIC, language, channel: 'email', kind: 'heads-up' }), rule);
    expect(found, JSON.stringify(found)).toHaveLength(1);
    expect((text + SPECIFIC).slice(found[0]!.start, found[0]!.end)).toBe(phrase);
    expect(found[0]!.suggestion).toBe(rewrite);
    expect(found[0]!.message.length).toBeGreaterThan(20);
  });

  it('everyday phrases stay clear: "always welcome", "never hesitate", "problem set", "I won\'t"', () => {
    const text = "You are always welcome to stop by. Never hesitate to call. Problem Set 4 is due Oct 9. I won't be in on Friday. Could we talk?";
    expect(check(text)).toEqual([]);
  });

  it('applying a rewrite gives a message without that finding', () => {
    const text = `Leo refuses to start Essay 2.${SPECIFIC}`;
    const [f] = byRule(check(text), 'refuses');
    const fixed = text.slice(0, f!.start) + f!.suggestion + text.slice(f!.end);
    expect(fixed).toBe(`Leo has not yet been able to start Essay 2.${SPECIFIC}`);
    expect(check(fixed)).toEqual([]);
  });
});

describe('structural checks', () => {
  it('compliment sandwich: praise, concern, praise in a concern message', () => {
    const text = 'Nora is a joy to have in class. She is missing Lab 2 and Lab 3. She is a wonderful kid! Could we talk this week?';
    const [f] = check(text).filter((x) => x.category === 'compliment-sandwich');
    expect(f).toMatchObject({ start: 0, end: text.indexOf(' Could') });
    expect(f!.suggestion).toBe('She is missing Lab 2 and Lab 3. She is a wonderful kid!');
  });

  it('praise after the concern alone is not a sandwich, and good news is never checked for one', () => {
    expect(check('Nora is missing Lab 2. She did well on Quiz 3. Could we talk this week?')).toEqual([]);
    const good = 'Nora did great on Lab 2 after missing Lab 1. What a wonderful effort! What helps at home?';
    expect(checkTone({ text: good, language: 'en', channel: 'email', kind: 'positive' }).map((f) => f.category)).toEqual([]);
  });

  it('shouting: two capitalised words, one long one, or "!!" — acronyms and assignment names are fine', () => {
    const cats = (text: string, names?: string[]) =>
      check(text, names ? { assignmentNames: names } : {}).filter((f) => f.category === 'shouting').map((f) => f.rule);
    expect(cats(`He has MISSING work.${SPECIFIC}`)).toEqual(['caps']);
    expect(cats(`He is NOT OK, not at ALL.${SPECIFIC}`)).toEqual(['caps', 'caps']);
    expect(cats(`Please reply!!${SPECIFIC}`)).toEqual(['exclamations']);
    expect(cats(`Really?!${SPECIFIC}`)).toEqual(['exclamations']);
    expect(cats(`Her IEP meeting and the ELA test, AP Biology II.${SPECIFIC}`)).toEqual([]);
    expect(cats(`The DBQ ESSAY is due.${SPECIFIC}`, ['DBQ ESSAY'])).toEqual([]);
  });

  it('scare quotes around an ordinary word read as sarcasm; a quoted title does not', () => {
    expect(check(`He has been "studying" every night.${SPECIFIC}`).map((f) => f.rule)).toEqual(['scare-quotes']);
    expect(check(`He read "The Giver" for Quiz 4 on Oct 9. Could we talk this week?`)).toEqual([]);
  });

  it('no specifics, no next step, no invitation — each suggested where it belongs', () => {
    const text = 'Dear family,\n\nMia is behind in class.\n\nThank you,\nMr. Ward';
    const findings = check(text);
    expect(findings.map((f) => f.category)).toEqual(['no-specifics', 'no-invitation', 'no-next-step']);
    const signOff = text.indexOf('Thank you');
    expect(findings[2]).toMatchObject({ start: signOff, end: signOff, suggestion: 'One way to help at home: a set time each evening to finish the work.\n\n' });
    expect(findings[1]!.suggestion).toMatch(/^How can we work together on this\?/);
  });

  it('naming one of the proposal\'s assignments is specific, whatever it is called', () => {
    const text = 'The Cell Membrane Diorama is not turned in yet. Could we talk this week?';
    expect(check(text).map((f) => f.category)).toEqual(['no-specifics']);
    expect(check(text, { assignmentNames: ['Cell Membrane Diorama'] })).toEqual([]);
  });

  it('good news needs no next step or invitation, but still names the work', () => {
    const kind = 'positive' as const;
    expect(checkTone({ text: 'Great news: Sam aced Quiz 4.', language: 'en', channel: 'text', kind })).toEqual([]);
    expect(checkTone({ text: 'Great week for Sam!', language: 'en', channel: 'text', kind }).map((f) => f.category)).toEqual(['no-specifics']);
  });

  it('too long: a text past two SMS segments, an email past 200 words', () => {
    const sentence = 'Quiz 4 is not turned in yet, could we talk this week? ';
    const text = sentence.repeat(6);
    const [f] = check(text, { channel: 'text' }).filter((x) => x.category === 'too-long');
    expect(f).toMatchObject({ rule: 'sms-segments', start: 306, end: text.length });
    expect(check(text, { channel: 'email' }).filter((x) => x.category === 'too-long')).toEqual([]);
    const long = 'Quiz 4 is not done. Could we talk? '.repeat(30);
    expect(check(long, { channel: 'email' }).filter((x) => x.category === 'too-long').map((x) => x.rule)).toEqual(['email-words']);
    expect(check(long, { channel: 'phone' }).filter((x) => x.category === 'too-long')).toEqual([]);
  });
});

describe('reading level', () => {
  const hard =
    'This correspondence serves as formal notification that, pursuant to the departmental assessment policy, the cumulative performance on summative evaluations currently reflects insufficient demonstration of proficiency relative to established competencies. Consequently, remediation opportunities encompassing supplementary instructional sessions will be made available.';
  const plain =
    'Ana has two labs to turn in. Lab 3 was due Oct 2. Lab 4 was due Oct 9. She did well on the quiz. Can she come in at lunch on Tuesday? We can finish one lab then. What works for her at home?';

  it('English: Flesch–Kincaid grade, flagged above 9, on the longest sentence', () => {
    expect(readingLevel(plain, 'en', toneRulesEn)!.grade).toBeLessThan(6);
    const level = readingLevel(hard, 'en', toneRulesEn)!;
    expect(level.grade).toBeGreaterThan(15);
    const [f] = check(hard).filter((x) => x.category === 'reading-level');
    expect(f).toMatchObject({ rule: 'flesch-kincaid', start: 0 });
    expect(f!.message).toMatch(/grade \d+\.\d/);
  });

  it('Spanish: Fernández-Huerta, flagged under 60', () => {
    const facil = 'Ana tiene dos tareas. La Tarea 3 era para el 2 de octubre. La Tarea 4 era para el 9. Le fue bien en la prueba. ¿Puede venir el martes? Así terminamos una. ¿Qué le ayuda en casa?';
    const dificil =
      'Por medio de la presente se le notifica que, de conformidad con la normativa institucional de evaluación vigente, el desempeño acumulado de su representado en las evaluaciones sumativas correspondientes evidencia una demostración insuficiente de las competencias establecidas.';
    expect(readingLevel(facil, 'es', toneRulesEs)!.score).toBeGreaterThan(80);
    expect(readingLevel(dificil, 'es', toneRulesEs)).toMatchObject({ formula: 'fernandez-huerta', tooHard: true });
  });

  it('short messages are not scored', () => {
    expect(readingLevel('Quiz 4 is due Friday. Could we talk?', 'en', toneRulesEn)).toBeUndefined();
  });
});

describe('Spanish syllables', () => {
  it.each([
    ['casa', 2], ['país', 2], ['día', 2], ['ciudad', 2], ['poeta', 3], ['aéreo', 4], ['leer', 2], ['guerra', 2], ['quiso', 2],
    ['pingüino', 3], ['Uruguay', 3], ['hoy', 1], ['y', 1], ['mayo', 2], ['buey', 1], ['tarea', 3], ['escuela', 3],
    ['información', 4], ['oído', 3], ['averiguáis', 4], ['calificación', 5], ['murciélago', 4], ['ahora', 3],
  ])('%s has %i', (word, count) => {
    expect(spanishSyllables(word)).toBe(count);
  });
});

describe('the labelled corpus', () => {
  const rows = readFileSync(new URL('./tone-corpus.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ToneInput & { id: string; mustFind: string[]; mustNotFind: string[] });

  it('has at least 60 messages in both languages, all channels and all kinds, good and bad', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'es']));
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['email', 'text', 'phone']));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['heads-up', 'positive', 'follow-up']));
    expect(rows.filter((r) => r.mustFind.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s', (_, row) => {
    const found = new Set(checkTone(row).map((f) => f.category));
    for (const c of row.mustFind) expect(found.has(c as never), `must find ${c}`).toBe(true);
    for (const c of row.mustNotFind) expect(found.has(c as never), `must not find ${c}`).toBe(false);
  });
});
