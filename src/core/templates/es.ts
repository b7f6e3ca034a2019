// Plantillas en español, como datos (forma y marcadores: ./types.ts). Español escolar respetuoso, de
// usted con la familia y de tú con el estudiante; escrito para este proyecto, no traducido palabra por
// palabra. Los mensajes de texto usan solo letras del alfabeto GSM-7 (é, ñ, ü, ¿, ¡ sí; á, í, ó, ú no),
// así que se eligen palabras sin esas tildes y el texto cabe en dos segmentos SMS; los nombres propios
// que traigan tildes pasan el mensaje a UCS-2, y el compositor lo avisa.
import type { MessageTemplates } from './types';

export const es: MessageTemplates = {
  language: 'es',
  name: 'Español',
  // US Spanish: the families this serves read 61.5, not 61,5.
  locale: 'es-US',
  monthsShort: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  monthsLong: [
    'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
    'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  ],
  weekdays: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  shortDate: '{day} de {month}',
  longDate: '{weekday}, {day} de {month}',
  words: {
    assignment: '{name} (para el {dueDate})',
    assignmentUndated: '{name}',
    missingItem: '{assignment} sin entregar',
    moreItems: { one: '1 más', other: '{count} más' },
    goingWellItem: '{name} ({shows})',
    gradeNow: '{currentPercent}%',
    gradeNowDownFrom: '{currentPercent}%, y hace unas semanas tenía {previousPercent}%',
    gradeNowLetter: '{currentLetter} por ahora',
    meSigned: '{signature}, docente de {firstName} en {sectionName}',
    meUnsigned: 'el/la docente de {firstName} en {sectionName}',
    defaultSignature: 'Docente de {sectionName}',
  },
  email: {
    greeting: 'Estimada familia de {firstName}:',
    greetingNamed: 'Buen día, {guardians}:',
    signOff: 'Muchas gracias,\n{signature}',
    headsUp: {
      goingWell: ['A {firstName} le fue bien en {goingWell}.', 'Un buen punto de partida: {goingWell}.'],
      nextReport: 'Los reportes de progreso salen el {reportDate}: todavía hay tiempo.',
      help: ['Una manera de ayudar en casa: {help}.', 'Algo que ayuda en casa: {help}.'],
      invitation: [
        '¿Cómo podemos trabajar juntos para que {firstName} {goal}? Me encantaría saber qué le funciona en casa.',
        '¿Qué le ayuda a {firstName} en casa? Trabajemos juntos para que {firstName} {goal}.',
        '¿Cómo podemos trabajar juntos para que {firstName} {goal}? Cuénteme lo que le ayuda en casa.',
      ],
    },
    positive: {
      invitation: [
        'Por favor, compártalo con {firstName}. Si algo en casa le está ayudando, me encantaría saber qué le funciona.',
        'Gracias por su apoyo en casa. Me encantaría saber qué le funciona a {firstName}.',
      ],
    },
    followUp: {
      opening: ['Gracias por su apoyo desde mi mensaje del {sentDate}.', 'Le escribo para dar seguimiento a mi mensaje del {sentDate}.'],
      better: [
        'Por favor, dígale a {firstName} que su esfuerzo se nota. Si algo en casa marcó la diferencia, me encantaría saberlo.',
        'Gracias por su apoyo en casa; sigamos con la misma rutina. ¿Qué le ha funcionado? Me encantaría saberlo.',
      ],
      notYet: [
        '¿Podríamos hablar por teléfono esta semana? Mientras tanto, una manera de ayudar en casa: {help}. ¿Cómo podemos trabajar juntos para que {firstName} {goal}?',
        '¿Cómo podemos trabajar juntos para que {firstName} {goal}? Una llamada corta esta semana nos ayudaría a hacer un plan. Mientras tanto, una idea: {help}.',
      ],
    },
  },
  text: {
    opening: ['Hola, soy {me}.', 'Hola, le escribe {me}.'],
    // «más» lleva tilde (UCS-2): en los textos, «otra / otras 2»
    moreItems: { one: 'otra', other: 'otras {count}' },
    headsUp: {
      help: ['Una idea para la casa: {help}.', 'Algo que ayuda: {help}.'],
      invitation: [
        '¿Trabajamos juntos para que {firstName} {goal}?',
        '¿Qué le funciona a {firstName} en casa? Puede responder a este mensaje.',
      ],
    },
    positive: {
      close: [
        'Por favor, felicite a {firstName} de mi parte. Si algo en casa le ayuda, cuénteme.',
        '¡Felicidades a {firstName}! Si algo en casa le ayuda, cuénteme.',
      ],
    },
    followUp: {
      opening: ['Le doy seguimiento a mi mensaje del {sentDate}.', 'Le escribo de nuevo tras mi mensaje del {sentDate}.'],
      better: ['¡Gracias por su apoyo en casa! Por favor, felicite a {firstName}. ¿Qué le ha ayudado?'],
      notYet: [
        '¿Podemos hablar por teléfono esta semana? Una idea mientras tanto: {help}.',
        '¿Qué le parece si hablamos por teléfono esta semana para hacer un plan juntos?',
      ],
    },
    tooLong: 'Este mensaje ocupa {segments} partes de SMS y puede llegar en pedazos. Un texto más corto se lee mejor en el teléfono.',
  },
  phone: {
    labels: { opening: 'Saludo', specifics: 'Puntos concretos', question: 'Pregunta', nextStep: 'Siguiente paso' },
    opening: {
      'heads-up': 'Hola, habla {me}. ¿Es buen momento? Le llamo pronto, mientras todavía hay tiempo, sobre el trabajo de {firstName}.',
      positive: 'Hola, habla {me}. ¿Es buen momento? Le llamo con buenas noticias sobre {firstName}.',
      'follow-up': 'Hola, habla {me}. ¿Es buen momento? Le llamo para dar seguimiento a mi mensaje del {sentDate}.',
    },
    shows: 'El registro de calificaciones muestra {marks}.',
    gradeNow: 'Calificación actual: {gradeNow}.',
    usual: 'Suele sacar alrededor de {previousPercent}%.',
    goingWell: 'Lo que va bien: {goingWell}.',
    nextReport: 'Los reportes de progreso se envían a casa el {reportDate}.',
    question: {
      'heads-up': '¿Qué ha notado en casa, y qué suele ayudarle a {firstName}?',
      positive: '¿Qué le ha ayudado en casa?',
      'follow-up': '¿Cómo han ido las cosas en casa desde mi mensaje?',
    },
    nextStep: {
      headsUp: 'Acordar un paso: {help}. Vuelvo a comunicarme con usted a más tardar el {checkDate}.',
      positive: 'Por favor, comparta la noticia con {firstName} esta noche. Gracias por su apoyo en casa.',
      better: 'Seguir con la misma rutina. Le envío otra actualización a más tardar el {checkDate}.',
      notYet: 'Acordar un paso: {help}. Vuelvo a comunicarme con usted a más tardar el {checkDate}.',
    },
  },
  concerns: {
    'missing-work': {
      subject: ['Aviso temprano sobre las tareas de {firstName} en {sectionName}', '{firstName}: algunas tareas por entregar en {sectionName}'],
      email: [
        'Le escribo con tiempo sobre {sectionName}: el registro de calificaciones muestra que {firstName} todavía no ha entregado {assignments}.',
        'Un aviso temprano de {sectionName}: estas tareas de {firstName} aún no están entregadas: {assignments}.',
      ],
      text: ['Le aviso a tiempo: {firstName} tiene pendiente entregar {names}.', 'Un aviso temprano: faltan por entregar {names}.'],
      item: '{assignment}',
      student:
        '{firstName}, vi que todavía no has entregado {names}. Voy a avisarle a tu familia para que podamos ayudarte. ¿Hacemos un plan juntos esta semana?',
      help: 'un rato fijo cada tarde para terminar y entregar una tarea',
      goal: 'pueda entregarlas pronto',
    },
    'sliding-grade': {
      subject: ['Aviso temprano sobre la calificación de {firstName} en {sectionName}', 'Seguimiento temprano: {firstName} en {sectionName}'],
      email: [
        'Le escribo con tiempo sobre la calificación de {firstName} en {sectionName}: {gradeNow}. El registro muestra {assignments}.',
        'Un aviso temprano de {sectionName}: la calificación de {firstName} es {gradeNow}. El registro muestra {assignments}.',
        // cuando la página no muestra la calificación
        'Le escribo con tiempo sobre el trabajo reciente de {firstName} en {sectionName}. El registro de calificaciones muestra {assignments}.',
      ],
      text: [
        'Quisiera hablar a tiempo sobre el trabajo reciente de {firstName}, como {names}.',
        'Un aviso temprano sobre el trabajo reciente de {firstName} en clase, como {names}.',
      ],
      item: '{assignment} con {shows}',
      student:
        '{firstName}, quiero hablar contigo sobre tu trabajo reciente, como {names}. Voy a avisarle a tu familia para que todos podamos ayudarte. ¿Cuándo hacemos un plan juntos?',
      help: 'revisar juntos la siguiente tarea y hacer un plan',
      goal: 'termine bien el periodo',
    },
    'sudden-drop': {
      subject: ['Una nota breve sobre el trabajo reciente de {firstName} en {sectionName}', 'Aviso temprano sobre {firstName} y {sectionName}'],
      email: [
        'Noté un cambio en {sectionName}: {firstName} suele sacar alrededor de {previousPercent}%, y el registro de calificaciones muestra {assignments}.',
        'Le escribo con tiempo porque el trabajo más reciente de {firstName} en {sectionName} está por debajo de su {previousPercent}% de costumbre: {assignments}.',
        // cuando no hay un promedio anterior
        'Noté un cambio en el trabajo más reciente de {firstName} en {sectionName}: el registro de calificaciones muestra {assignments}.',
      ],
      text: [
        'Noté un cambio en el trabajo reciente de {firstName}: {names}.',
        'Le escribo porque el trabajo reciente de {firstName}, como {names}, no fue como de costumbre.',
      ],
      item: '{assignment} con {shows}',
      student:
        '{firstName}, tu trabajo reciente ({names}) no fue como de costumbre. ¿Todo bien? Repasémoslo juntos. También voy a avisarle a tu familia.',
      help: 'una charla tranquila sobre esos trabajos; {firstName} puede repasarlos conmigo',
      goal: 'se sienta con confianza en el siguiente trabajo',
    },
  },
  wins: {
    'made-up-work': {
      subject: ['Buenas noticias de {sectionName}', '{firstName} se puso al día en {sectionName}'],
      email: [
        'Buenas noticias de {sectionName}: {firstName} entregó {assignments}, y ese trabajo ya cuenta para la calificación. Eso requirió un esfuerzo real.',
        'Quería compartirle una buena noticia: {firstName} completó {assignments} en {sectionName}. Gracias por su apoyo en casa.',
      ],
      text: [
        'Buenas noticias: {firstName} ha entregado {names}, y ese trabajo ya cuenta.',
        'Buenas noticias de {sectionName}: {firstName} se puso al corriente con {names}.',
      ],
      item: '{assignment}',
      student: '¡{firstName}, muy bien hecho al entregar {names}! También se lo voy a contar a tu familia.',
    },
    improvement: {
      subject: ['Buenas noticias sobre {firstName} en {sectionName}', 'El trabajo de {firstName} va en aumento en {sectionName}'],
      email: [
        'Buenas noticias de {sectionName}: las últimas tres calificaciones de {firstName} promedian {recentAverage}%, frente a {previousPercent}% en las tres anteriores: {assignments}.',
        'Quería que lo supiera: el trabajo de {firstName} en {sectionName} mejora cada vez más, con {assignments}.',
      ],
      text: [
        'Buenas noticias: el trabajo de {firstName} va cada vez mejor, como {names}.',
        'Buenas noticias de {sectionName}: {firstName} ha mejorado mucho en su trabajo reciente, como {names}.',
      ],
      item: '{assignment} con {shows}',
      student: '{firstName}, se nota tu esfuerzo: {names} te salieron cada vez mejor. ¡También se lo voy a contar a tu familia!',
    },
    consistency: {
      subject: ['Buenas noticias sobre {firstName} en {sectionName}', 'El trabajo constante de {firstName} en {sectionName}'],
      email: [
        'Buenas noticias de {sectionName}: {firstName} ha sacado {consistencyPercent}% o más en cada una de las últimas {count} tareas, entre ellas {assignments}.',
        'Quería contarle lo bien que le va a {firstName} en {sectionName}: {count} tareas seguidas con {consistencyPercent}% o más, como {assignments}.',
      ],
      text: [
        'Buenas noticias: {firstName} ha hecho un trabajo excelente y constante en sus {count} tareas recientes, como {names}.',
        'Buenas noticias de {sectionName}: {firstName} lleva {count} tareas seguidas con muy buen trabajo, como {names}.',
      ],
      item: '{assignment} con {shows}',
      student: '{firstName}, llevas {count} tareas seguidas con muy buen trabajo. ¡Sigue así! También se lo voy a contar a tu familia.',
    },
    'personal-best': {
      subject: ['Buenas noticias sobre {firstName} en {sectionName}', 'El mejor trabajo de {firstName} hasta ahora en {sectionName}'],
      email: [
        'Buenas noticias de {sectionName}: el trabajo más reciente de {firstName} es el mejor del periodo hasta ahora: {assignments}.',
        'Quería que lo supiera: {firstName} acaba de lograr su mejor resultado en {sectionName} con {assignments}.',
      ],
      text: [
        'Buenas noticias: el trabajo reciente de {firstName}, {names}, es el mejor del periodo hasta ahora.',
        'Buenas noticias de {sectionName}: {firstName} acaba de lograr su mejor trabajo del periodo con {names}.',
      ],
      item: '{assignment} con {shows}',
      student: '{firstName}, tu mejor trabajo del periodo hasta ahora: {names}. ¡Felicidades! También se lo voy a contar a tu familia.',
    },
    'work-complete': {
      subject: ['Buenas noticias de {sectionName}', 'El esfuerzo constante de {firstName} en {sectionName}'],
      email: [
        'Buenas noticias de {sectionName}: {firstName} ha entregado cada una de las últimas {count} tareas, entre ellas {assignments}.',
        'Quería contarle que {firstName} va al corriente con el trabajo de {sectionName}: {count} tareas seguidas entregadas, como {assignments}.',
      ],
      text: [
        'Buenas noticias: {firstName} ha entregado cada una de sus {count} tareas recientes, como {names}.',
        'Buenas noticias de {sectionName}: {firstName} va al corriente con sus tareas, como {names}.',
      ],
      item: '{assignment}',
      student: '{firstName}, entregaste todas tus tareas recientes, como {names}. ¡Muy bien! También se lo voy a contar a tu familia.',
    },
  },
  followUp: {
    better: {
      subject: ['Buenas noticias desde mi último mensaje sobre {firstName}', 'Novedades sobre {firstName} en {sectionName}'],
      email: [
        'El trabajo de {firstName} ha mejorado desde entonces: {assignments}.',
        'Hay avances que compartir: desde entonces, el registro de calificaciones muestra {assignments}.',
      ],
      text: ['Desde entonces, el trabajo de {firstName} va mejorando, como {names}.'],
      student: '{firstName}, se nota tu avance en {names}. También se lo voy a contar a tu familia. ¡Sigue así!',
    },
    same: {
      subject: ['Seguimiento sobre {firstName} en {sectionName}', 'Novedades sobre {firstName} en {sectionName}'],
      email: [
        'Desde entonces, el registro de calificaciones muestra {assignments}. Las cosas todavía no han cambiado mucho.',
        'Desde entonces, el registro muestra {assignments}, así que seguimos más o menos igual.',
      ],
      text: ['Desde entonces, el registro muestra {names}; todo sigue parecido.'],
      student: '{firstName}, revisemos juntos {names} y hagamos un plan nuevo. También voy a hablar otra vez con tu familia.',
    },
    worse: {
      subject: ['Seguimiento sobre {firstName} en {sectionName}', 'Novedades sobre {firstName} en {sectionName}'],
      email: [
        'Desde entonces, el registro de calificaciones muestra {assignments}, y el trabajo ha bajado un poco más.',
        'Quiero que esté al tanto: desde entonces, el trabajo de {firstName} muestra {assignments}.',
      ],
      text: ['Desde entonces, el trabajo de {firstName}, como {names}, ha bajado un poco.'],
      student: '{firstName}, revisemos juntos {names} y hagamos un plan nuevo. También voy a hablar otra vez con tu familia.',
    },
  },
};
