// Issue 7: every template × channel × language × variant, rendered from real evidence, passes the tone
// check; texts carry no marks and fit two SMS segments; every draft has its note for the student.
import { describe, expect, it } from 'vitest';
import { type ComposeOptions, composeDraft, formatLongDate, formatShortDate, suggestCall } from '../../src/core/compose';
import type { Proposal } from '../../src/core/proposal-types';
import { availableLanguages, languageName, templatesFor } from '../../src/core/templates/index';
import { es } from '../../src/core/templates/es';
import { checkTone } from '../../src/core/tone';
import type { Channel, Family } from '../../src/core/types';
import { NOW, evidence, proposal, sampleProposals, settings } from './compose-fixtures';

const CHANNELS: Channel[] = ['email', 'text', 'phone'];
const VARIANTS = [0, 1, 2, 3, 4, 5];
const samples = Object.entries(sampleProposals());
const names = (p: Proposal) => [...p.evidence, ...p.goingWell].map((e) => e.assignmentName);
const draft = (p: Proposal, options: ComposeOptions) => composeDraft(p, settings, NOW, options);

/** A mark as a gradebook shows it: 12/20, 95%, or a letter grade standing alone. */
const MARK = /\d+\s*\/\s*\d+|\d+(?:[.,]\d+)?\s*%|(?<![\p{L}])[A-F][+-]?(?![\p{L}])/u;

describe('every template in every channel and language', () => {
  it('renders from real evidence and passes the tone check', () => {
    let rendered = 0;
    for (const [name, p] of samples) {
      for (const language of availableLanguages()) {
        for (const channel of CHANNELS) {
          for (const variant of VARIANTS) {
            const d = draft(p, { channel, language, variant });
            const findings = checkTone({ text: d.body, language, channel, kind: p.kind, assignmentNames: names(p) });
            expect(findings, `${name} · ${channel} · ${language} · v${variant}\n${d.body}`).toEqual([]);
            rendered++;
          }
        }
      }
    }
    expect(rendered).toBe(samples.length * availableLanguages().length * CHANNELS.length * VARIANTS.length);
  });

  it('the variants give different messages', () => {
    for (const [name, p] of samples) {
      for (const language of availableLanguages()) {
        const bodies = new Set(VARIANTS.map((variant) => draft(p, { channel: 'email', language, variant }).body));
        expect(bodies.size, `${name} ${language}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('texts name the work but never a grade or a score, and fit in two SMS segments', () => {
    for (const [name, p] of samples) {
      for (const language of availableLanguages()) {
        for (const variant of VARIANTS) {
          const d = draft(p, { channel: 'text', language, variant });
          expect(d.body, `${name} ${language} v${variant}`).not.toMatch(MARK);
          for (const e of p.evidence) expect(d.body).not.toContain(e.raw.includes('/') ? e.raw : `${e.percent}%`);
          expect(d.body).toContain(p.evidence[p.evidence.length - 1]!.assignmentName);
          expect(d.sms, `${name} ${language} v${variant}: ${d.body}`).toEqual({ segments: d.sms!.segments, encoding: 'GSM-7' });
          expect(d.sms!.segments).toBeLessThanOrEqual(2);
          expect(d.subject).toBeUndefined();
        }
      }
    }
  });

  it('concern emails stay within about 120 words', () => {
    for (const [name, p] of samples) {
      if (p.kind === 'positive') continue;
      for (const language of availableLanguages()) {
        for (const variant of VARIANTS) {
          const words = draft(p, { channel: 'email', language, variant }).body.split(/\s+/).filter(Boolean).length;
          expect(words, `${name} ${language} v${variant}`).toBeLessThanOrEqual(120);
        }
      }
    }
  });

  it('every draft carries a note for the student that names the work', () => {
    for (const [name, p] of samples) {
      for (const language of availableLanguages()) {
        const d = draft(p, { channel: 'email', language });
        expect(d.studentNote, name).toContain('Avery');
        if (p.reason !== 'consistency') expect(d.studentNote, name).toContain(p.evidence[p.evidence.length - 1]!.assignmentName);
        expect(d.studentNote).not.toMatch(MARK);
      }
    }
  });

  it('phone drafts are talking points: opening, specifics with the marks, the question, the next step', () => {
    const p = sampleProposals()['sliding-grade']!;
    const d = draft(p, { channel: 'phone', language: 'en' });
    expect(d.talkingPoints).toEqual({
      opening: "Hello, this is Ms. Rivera, Avery's English 7 teacher. Is now a good time? I'm calling early about Avery's work, while there is still time.",
      specifics: [
        'The gradebook shows Quiz 6 (due Oct 6) at 58%, Quiz 7 (due Oct 13) at 55%, Quiz 8 (due Oct 20) at 50%, and 2 more.',
        'Grade now: 62%, down from 92% a few weeks ago.',
        'Going well: Quiz 3 (91%).',
        'Progress reports go home on Friday, November 14.',
      ],
      question: 'What have you noticed at home, and what usually helps Avery?',
      nextStep: "Agree on one step: ask Avery to show you the next assignment and make a plan together. I'll check in again by Monday, October 27.",
    });
    expect(d.body.split('\n\n')[0]).toBe(`Opening: ${d.talkingPoints!.opening}`);
    expect(d.body).toContain('- Grade now: 62%, down from 92% a few weeks ago.');
    expect(d.subject).toBeUndefined();
  });
});

describe('follow-ups have their own layout', () => {
  const all = sampleProposals();
  it('better: thanks and what changed, no call', () => {
    const d = draft(all['follow-up better']!, { channel: 'email', language: 'en' });
    expect(d.body).toContain('Thank you for your help since my note on Oct 10.');
    expect(d.body).toContain("Avery's work has picked up since then: Quiz 2 (due Sep 15) at 8/10");
    expect(d.body).not.toContain('Could we talk by phone');
    expect(d.suggestCall).toBe(false);
  });

  it('same or worse: what changed, a call and a plan, the original concern\'s way to help', () => {
    const d = draft(all['follow-up worse']!, { channel: 'email', language: 'en' });
    expect(d.body).toContain('Since then, the gradebook shows Quiz 6 (due Oct 13) marked missing, and things have slipped a bit further.');
    expect(d.body).toContain('Could we talk by phone this week? One way to help until then: a short, set time each evening for Avery to finish one and turn it in.');
    expect(d.suggestCall).toBe(true);
  });
});

describe('Spanish', () => {
  it('writes dates the Spanish way', () => {
    expect(formatLongDate('2026-12-18', es)).toBe('viernes, 18 de diciembre');
    expect(formatShortDate('2025-10-09', es)).toBe('9 de octubre');
    expect(formatLongDate('2025-11-12', es)).toBe('miércoles, 12 de noviembre');
  });

  it('a Spanish concern email: usted, the work with its dates, the report date, the invitation', () => {
    const d = draft(sampleProposals()['missing-work']!, { channel: 'email', language: 'es' });
    expect(d.language).toBe('es');
    expect(d.subject).toBe('Aviso temprano sobre las tareas de Avery en English 7');
    expect(d.body).toBe(
      [
        'Estimada familia de Avery:',
        'Le escribo con tiempo sobre English 7: el registro de calificaciones muestra que Avery todavía no ha entregado Reading Log 4 (para el 9 de octubre), Reading Log 5 (para el 16 de octubre) y Essay Draft (para el 17 de octubre). A Avery le fue bien en Unit 1 Test (95/100) y Vocab Quiz (9/10).',
        'Los reportes de progreso salen el viernes, 14 de noviembre: todavía hay tiempo. Una manera de ayudar en casa: un rato fijo cada tarde para terminar y entregar una tarea.',
        '¿Cómo podemos trabajar juntos para que Avery pueda entregarlas pronto? Me encantaría saber qué le funciona en casa.',
        'Muchas gracias,\nMs. Rivera',
      ].join('\n\n'),
    );
  });

  it('Spanish texts stay in GSM-7 letters (á í ó ú would make every segment 67 characters)', () => {
    const allText = JSON.stringify(es.text) + JSON.stringify(Object.values(es.concerns).map((c) => [c.text, c.help, c.goal]))
      + JSON.stringify(Object.values(es.wins).map((w) => w.text)) + JSON.stringify(Object.values(es.followUp).map((f) => f.text));
    expect(allText.replace(es.text.tooLong, '')).not.toMatch(/[áíóúÁÍÓÚ]/);
  });

  it('a name with an accent makes the text UCS-2, and the draft says how many segments that takes', () => {
    const p = proposal('missing-work', { studentName: 'María José Núñez', evidence: [evidence('Ensayo Biográfico', '2025-10-17', 'M', { missing: true })] });
    const d = draft(p, { channel: 'text', language: 'es' });
    expect(d.sms!.encoding).toBe('UCS-2');
    expect(d.sms!.segments).toBeGreaterThan(2);
    expect(d.sms!.warning).toMatch(/partes de SMS/);
  });
});

describe('languages', () => {
  it('the registry lists English first, then Spanish, with their own names', () => {
    expect(availableLanguages()).toEqual(['en', 'es']);
    expect(languageName('es')).toBe('Español');
  });

  it('a regional tag uses its base language; an unknown language falls back to English and says so', () => {
    expect(templatesFor('es-MX').templates.language).toBe('es');
    const d = draft(sampleProposals()['missing-work']!, { channel: 'email', language: 'vi' });
    expect(d).toMatchObject({ language: 'en', languageSupported: false });
  });

  it("greets the family's guardians by name when known", () => {
    const family: Family = { studentId: 's', guardians: [{ name: 'Dana Stone' }, { name: 'Lee Stone' }], updatedAt: 0 };
    expect(draft(proposal('missing-work'), { channel: 'email', language: 'en', family }).body.startsWith('Dear Dana Stone and Lee Stone,')).toBe(true);
    expect(draft(proposal('missing-work'), { channel: 'email', language: 'es', family }).body.startsWith('Buen día, Dana Stone y Lee Stone:')).toBe(true);
  });
});

describe('suggestCall', () => {
  it('a serious heads-up (severity ≥ 0.75) suggests a call; a milder one does not', () => {
    expect(suggestCall(proposal('sliding-grade', { severity: 0.75 }))).toBe(true);
    expect(suggestCall(proposal('sliding-grade', { severity: 0.74 }))).toBe(false);
  });

  it('a follow-up where nothing improved suggests a call; progress does not', () => {
    const followUp = (progress: 'better' | 'same' | 'worse') =>
      proposal('follow-up', { severity: 0.5, followUp: { sentAt: NOW - 10 * 86_400_000, reason: 'missing-work', severityThen: 0.6, severityNow: 0.6, progress } });
    expect(suggestCall(followUp('same'))).toBe(true);
    expect(suggestCall(followUp('worse'))).toBe(true);
    expect(suggestCall(followUp('better'))).toBe(false);
  });

  it('good news never suggests a call', () => {
    expect(suggestCall(proposal('personal-best', { severity: 0.95 }))).toBe(false);
  });

  it('the draft carries it in every channel', () => {
    const serious = proposal('missing-work', { severity: 0.9 });
    for (const channel of CHANNELS) expect(draft(serious, { channel, language: 'en' }).suggestCall).toBe(true);
  });
});
