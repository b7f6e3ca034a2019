// Tone rules for messages written in Spanish, as data (same shape and principles as rules-en.ts).
// Patterns and rewrites are Spanish; the explanations are for the teacher and stay in English.
import type { ToneRules } from './types';

export const toneRulesEs: ToneRules = {
  language: 'es',
  wordRules: [
    { rule: 'flojo', category: 'trigger-word', patterns: ['(?:es|está|anda) (?:muy |bien )?(?:flojo|floja|perezoso|perezosa|vago|vaga)', 'flojo', 'floja', 'perezos[oa]', 'flojera', 'pereza'], message: '"Flojo/perezoso" labels the child, not the work. Say which work is missing and what would help.', suggestion: { 'es flojo': 'le está costando empezar', 'es floja': 'le está costando empezar', 'es perezoso': 'le está costando empezar', 'es perezosa': 'le está costando empezar' } },
    { rule: 'descuidado', category: 'trigger-word', patterns: ['descuidad[oa]s?', 'desordenad[oa]'], message: 'This judges the child. Describe the work instead (hecho con prisa, sin terminar).', suggestion: { descuidado: 'apresurado', descuidada: 'apresurada' } },
    { rule: 'no-le-interesa', category: 'trigger-word', patterns: ['no le (?:interesa|importa)', 'no se esfuerza', 'se porta (?:muy )?mal', 'no hace nada', 'un desastre', 'no pone (?:nada de )?atención', 'desmotivad[oa]', 'irresponsable'], message: 'Families hear this as a verdict on their child. Name what you see in the work.' },
    { rule: 'se-niega', category: 'trigger-word', patterns: ['se niega a', 'se negó a', 'no quiere'], message: '"Se niega / no quiere" reads as defiance. Say what has not happened yet.', suggestion: { 'se niega a': 'todavía no ha podido', 'se negó a': 'no llegó a', 'no quiere': 'todavía no ha podido' } },
    { rule: 'no-cumple', category: 'trigger-word', patterns: ['no cumple con', 'no cumplió con', 'incumpl\\w*'], message: '"No cumple" is a verdict. Say what is not done yet.', suggestion: { 'no cumple con': 'todavía no ha completado', 'no cumplió con': 'no completó' } },
    { rule: 'tiene-que', category: 'trigger-word', patterns: ['usted(?:es)? (?:tiene|tienen|debe|deben)(?: que)?', '(?<!usted |ustedes )tienen? que(?= (?:revisar|asegurarse|vigilar|hablar))'], message: 'An order puts the family on the defensive. Ask, as partners.', suggestion: 'sería de gran ayuda' },
    { rule: 'problema', category: 'trigger-word', patterns: ['problemas?(?! \\d| de (?:matemáticas|práctica))'], message: '"Problema" frames the child as the problem. Name the work or the skill instead.', suggestion: { problema: 'dificultad', problemas: 'dificultades' } },
    { rule: 'actitud', category: 'trigger-word', patterns: ['(?:mala |su )?actitud', 'mala conducta', 'mal comportamiento'], message: '"Actitud" is vague and personal. Describe what happened, or the work.', suggestion: { actitud: 'participación', 'su actitud': 'su participación', 'mala actitud': 'poca participación' } },
    { rule: 'irrespetuoso', category: 'trigger-word', patterns: ['irrespetuos[oa]', 'grosero', 'grosera', 'desafiante', 'maleducad[oa]', 'inmadur[oa]'], message: 'A label about character starts an argument. Describe the specific moment instead.' },
    { rule: 'inaceptable', category: 'trigger-word', patterns: ['inaceptable', 'no hay excusas?', 'sin excusas'], message: 'This reads as a verdict. Say where things are and what comes next.', suggestion: { inaceptable: 'lejos de donde queremos' } },
    { rule: 'siempre', category: 'absolute', patterns: ['siempre(?! (?:es bienvenid|está bienvenid|con gusto|a sus órdenes))', 'constantemente', 'todo el tiempo', 'cada vez que'], message: 'Absolutes ("siempre") overstate and invite an argument. Say how often, or name the assignments.', suggestion: { siempre: 'a menudo', constantemente: 'a menudo', 'todo el tiempo': 'a menudo' } },
    { rule: 'nunca', category: 'absolute', patterns: ['nunca(?! dude)', 'jamás', 'ni una sola vez', 'ni una vez'], message: 'Absolutes ("nunca") overstate and invite an argument. Say how often, or name the assignments.', suggestion: { nunca: 'pocas veces', 'jamás': 'pocas veces', 'ni una sola vez': 'pocas veces', 'ni una vez': 'pocas veces' } },
    { rule: 'mal-estudiante', category: 'deficit', patterns: ['(?:estudiante|alumn[oa]|niñ[oa]) (?:problemátic[oa]|débil|flojo|floja|mal[oa]|con problemas|de bajo rendimiento|lent[oa])', 'mal(?:a)? estudiante', 'bajo rendimiento', 'lent[oa] para aprender', 'niñ[oa] problema'], message: 'This labels the child by a deficit. Describe the work and what is going well instead.' },
    { rule: 'capacidad-fija', category: 'deficit', patterns: ['no es (?:muy )?(?:inteligente|list[oa]|capaz)', 'no es bueno para', 'no es buena para', 'no da para más', 'no tiene (?:la )?capacidad', 'no puede seguir el ritmo'], message: 'This treats ability as fixed. Name the skill to work on and the next step.' },
    { rule: 'en-riesgo', category: 'deficit', patterns: ['en riesgo', 'conflictiv[oa]'], message: 'A risk label is a verdict on the child. Name the work and the time left to act.' },
    { rule: 'circunstancias-familia', category: 'deficit', patterns: ['hogar (?:roto|desestructurado|disfuncional)', 'familia (?:disfuncional|desestructurada)', 'madre soltera', 'padre soltero', 'de bajos recursos', 'familias como (?:la suya|esta|estas)', 'estas familias', 'barrera del idioma', 'sin educación'], message: "Leave the family's circumstances out: focus on the work and what we can do together." },
    { rule: 'sin-apoyo-en-casa', category: 'deficit', patterns: ['(?:falta de|sin|poco|ningún) (?:apoyo|control|supervisión|estructura) en (?:casa|el hogar)', 'no (?:valoran|valora|le dan importancia a|le da importancia a) (?:la educación|la escuela|los estudios)', '(?:en casa )?(?:nadie|ninguno) (?:revisa|se preocupa|le ayuda)'], message: 'This assumes the worst about the family. Ask what works at home instead.' },
    { rule: 'deberia-haber', category: 'blame', patterns: ['(?:usted|ustedes) (?:debería|deberían|tendría|tendrían) (?:que )?haber', 'debió haber', 'debieron haber'], message: 'Looking back at what the family should have done assigns blame. Look ahead together.', suggestion: 'a partir de ahora, podríamos' },
    { rule: 'su-responsabilidad', category: 'blame', patterns: ['es (?:su|la) responsabilidad(?: de (?:usted|ustedes|los padres|la familia))?', 'por (?:su )?culpa', 'es culpa de', 'como (?:padre|madre|padres),? (?:usted|ustedes)'], message: 'This assigns blame. Families respond to partnership: "¿cómo podemos trabajar juntos?".' },
    { rule: 'usted-no-ha', category: 'blame', patterns: ['(?:usted|ustedes) no (?:ha|han) (?:revisado|firmado|ayudado|respondido|contestado|leído|hecho caso)', 'si usted(?:es)? (?:revisara|revisaran|hubiera|hubieran|ayudara|ayudaran)'], message: 'This puts the fault on the family. Say what happens next instead.' },
    { rule: 'asegurese', category: 'blame', patterns: ['asegúrese de que', 'asegúrense de que', 'vigile que', 'vigilen que'], message: 'An instruction to police the child reads as blame. Offer one way to help at home instead.' },
    { rule: 'obviamente', category: 'sarcasm', patterns: ['obviamente', 'evidentemente', 'claramente (?:usted|ustedes|él|ella|no|nadie)', 'al parecer'], message: 'Reads as sarcasm in writing, where tone of voice is lost. State the fact plainly.', suggestion: '' },
    { rule: 'que-sorpresa', category: 'sarcasm', patterns: ['qué sorpresa', 'vaya sorpresa', 'sí, claro', 'ya era hora', 'por fin se dignó', 'gracias por nada', 'buena suerte con eso', '/s'], message: 'Sarcasm is easily misread in a message. Say what you mean plainly.', suggestion: '' },
  ],
  praise: [
    'excelente', 'maravillos[oa]', 'estupend[oa]', 'fantástic[oa]', 'increíble', 'genial', 'encantador[a]?', 'un placer', 'una alegría', 'un gusto tener',
    'muy amable', 'inteligente', 'talentos[oa]', 'le fue (?:muy )?bien', 'le va (?:muy )?bien', 'va muy bien', 'buen trabajo', 'muy bien', 'orgullos[oa]',
    'muy trabajador[a]?', 'brillante', 'muy educad[oa]', 'dulce', 'simpátic[oa]', 'un sol', 'un amor', 'lo disfruto', 'la disfruto',
  ],
  concern: [
    'falta\\w*', 'sin entregar', 'no (?:ha|han) entregado', 'pendientes?', '(?<!cada |por la |esta |buenas )tarde', 'baj\\w*', 'por debajo', 'atrasad[oa]s?', 'reprob\\w*', 'preocup\\w*',
    'ceros?', 'incomplet[oa]s?', 'dificultad\\w*', 'no (?:ha|han) (?:hecho|terminado|completado)', 'no entregó', 'no entregaron', 'calificación (?:es|ha)',
  ],
  turns: ['pero', 'sin embargo', 'aunque', 'lamentablemente', 'desafortunadamente'],
  specifics: [
    '\\b(?:[Tt]area|[Ee]xamen|[Pp]rueba|[Ee]nsayo|[Pp]royecto|[Ll]aboratorio|[Cc]uestionario|[Uu]nidad|[Cc]apítulo|[Ll]ección|[Tt]rabajo|[Rr]eporte|[Ii]nforme|[Pp]ráctica|[Aa]ctividad|[Qq]uiz|[Tt]est|[Ee]ssay|[Ll]ab|[Pp]roject|[Ll]og|[Uu]nit|[Cc]hapter|[Ww]orksheet|[Hh]omework)\\s*#?\\d+',
    '\\b[A-ZÁÉÍÓÚÑ][\\wáéíóúñ-]*(?: [A-Z0-9][\\w-]*)* (?:Draft|Test|Quiz|Essay|Project|Lab|Log|Worksheet|Report|Presentation|Packet|Journal|Exam|Review)\\b',
    '\\b(?:[Tt]area|[Ee]xamen|[Pp]rueba|[Ee]nsayo|[Pp]royecto|[Ii]nforme|[Rr]eporte) (?:de|del|sobre) [A-ZÁÉÍÓÚÑ]',
    '\\b\\d{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\\b',
    '\\b\\d{1,2}/\\d{1,2}\\b',
    '\\bpara (?:el )?(?:lunes|martes|miércoles|jueves|viernes|hoy|mañana)',
  ],
  nextStep: [
    'una (?:manera|forma|idea)', 'algo que (?:ayuda|puede ayudar)', 'podría', 'podríamos', 'podemos', 'puede', 'por favor', 'le pido', 'vamos a', 'voy a',
    'siguiente paso', 'plan', 'esta semana', 'esta noche', 'cada (?:tarde|noche|día)', 'entregar\\w*', 'reunirnos', 'llamar\\w*', 'hablar\\w*', 'repasar\\w*',
    'tutoría', 'después de clase', 'sigamos', 'seguir con', 'a más tardar', 'acordar', 'recuperar', 'volver a presentar',
  ],
  invitation: [
    'trabajar juntos', 'trabajemos juntos', 'me encantaría saber\\w*', 'avíseme', 'avísenme', 'cuénteme', 'cuéntenos', 'no dude en', 'comuníquese',
    'puede responder', 'responda', 'escríbame', 'llámeme', 'me gustaría (?:saber|escuchar|conocer)', 'qué le funciona', 'estoy a (?:sus órdenes|su disposición)',
    'con gusto (?:hablo|hablamos|le atiendo)',
  ],
  acronyms: ['IEP', 'ELA', 'PE', 'AP', 'IB', 'STEM', 'SAT', 'ACT', 'GPA', 'PTA', 'PTO', 'ESL', 'ELL', 'ID', 'OK', 'TV', 'EE', 'UU', 'EEUU', 'SEP', 'SMS', 'PDF', 'AM', 'PM', 'IXL', 'MAP'],
  abbreviations: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'Lic', 'Prof', 'Profa', 'Mr', 'Mrs', 'Ms', 'ene', 'feb', 'mar', 'abr', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic', 'núm', 'p\\. ej'],
  signOff: ['gracias', 'muchas gracias', 'atentamente', 'saludos', 'saludos cordiales', 'cordialmente', 'un saludo', 'un cordial saludo', 'quedo a sus órdenes'],
  insert: {
    nextStep: 'Una manera de ayudar en casa: un rato fijo cada tarde para terminar el trabajo.',
    invitation: '¿Cómo podemos trabajar juntos en esto? Me encantaría saber qué le funciona en casa.',
  },
  readability: 'fernandez-huerta',
};
