// Builds the demo gradebook page with standard DOM calls only (it runs in browsers and in jsdom).
// Every piece of text goes in through textContent: names may look like markup and must stay text.
// The grid's markup is the contract the demo adapter reads: see README "The markup".
import { cellAt, generateClass, overallAt, SCHOOL_NAME, weekDates } from './gradebook-data.js';
import { readPageParams } from './gradebook-params.js';

/** @typedef {import('./gradebook-data.js').DemoClass} DemoClass */
/** @typedef {import('./gradebook-data.js').DemoSection} DemoSection */
/** @typedef {import('./gradebook-data.js').ShownCell} ShownCell */

/**
 * @typedef {object} RenderOptions
 * @property {string} sectionId an unknown id shows the first section
 * @property {number} week term week, 1-based
 * @property {(sectionId: string, week: number) => string} [linkTo] href of a section tab
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** @param {string} sectionId @param {number} week */
const defaultLink = (sectionId, week) => `?section=${encodeURIComponent(sectionId)}&week=${week}`;

/**
 * Renders the whole page into `main#gradebook` (created in the body if absent).
 * @param {Document} doc @param {DemoClass} klass @param {RenderOptions} options
 * @returns {HTMLElement} the main element
 */
export function renderGradebook(doc, klass, { sectionId, week, linkTo = defaultLink }) {
  const section = pickSection(klass, sectionId);
  let main = doc.getElementById('gradebook');
  if (!main) {
    main = doc.createElement('main');
    main.id = 'gradebook';
    doc.body.append(main);
  }
  main.setAttribute('data-gradebook', 'heads-up-demo');
  main.replaceChildren(
    el(doc, 'header', { class: 'site-header' }, el(doc, 'span', { class: 'school' }, SCHOOL_NAME), el(doc, 'span', { class: 'app-name' }, `Gradebook · ${section.teacher}`)),
    sectionTabs(doc, klass, section, week, linkTo),
    termBar(doc, klass),
    el(doc, 'h1', { class: 'section-title' }, section.name),
    el(doc, 'div', { class: 'grid-scroll' }, gradeTable(doc, section)),
    legend(doc),
  );
  showWeek(doc, klass, { sectionId: section.id, week, linkTo });
  return main;
}

/**
 * Shows another term week on the page already rendered, changing cells in place (as a gradebook
 * does when the teacher enters grades), so an open page sees grades change without a reload.
 * @param {Document} doc @param {DemoClass} klass @param {RenderOptions} options
 */
export function showWeek(doc, klass, { sectionId, week, linkTo = defaultLink }) {
  const section = pickSection(klass, sectionId);
  const table = doc.getElementById('grade-grid');
  if (!table || table.getAttribute('data-section-id') !== section.id) return renderGradebook(doc, klass, { sectionId, week, linkTo });
  const firstRender = !doc.getElementById('term-week')?.hasAttribute('data-week');
  updateTermBar(doc, klass, week);
  for (const tab of doc.querySelectorAll('.section-tabs a[data-section]')) tab.setAttribute('href', linkTo(tab.getAttribute('data-section') ?? '', week));
  for (const row of table.querySelectorAll('tr.student-row')) {
    const studentId = row.getAttribute('data-student-id') ?? '';
    for (const td of row.querySelectorAll('td.score')) {
      fillScoreCell(doc, td, cellAt(section, studentId, td.getAttribute('data-assignment-id') ?? '', week), !firstRender);
    }
    const overall = overallAt(section, studentId, week);
    const pct = row.querySelector('td.overall span.pct');
    const letter = row.querySelector('td.overall span.letter');
    if (pct) setText(pct, overall.percent === null ? '—' : `${overall.percent.toFixed(1)}%`);
    if (letter) setText(letter, overall.letter);
    row.querySelector('td.overall')?.classList.toggle('low', overall.percent !== null && overall.percent < 70);
  }
  return /** @type {HTMLElement} */ (doc.getElementById('gradebook'));
}

/**
 * Renders the page a demo-site URL asks for (`/gradebook/?section=p1&week=4`), for jsdom tests.
 * @param {Document} doc @param {URL | string} url
 */
export function renderGradebookAt(doc, url) {
  const { classOptions, sectionId, week } = readPageParams(url);
  const klass = generateClass(classOptions);
  renderGradebook(doc, klass, { sectionId, week });
  return { klass, sectionId, week };
}

/** @param {DemoClass} klass @param {string} sectionId @returns {DemoSection} */
function pickSection(klass, sectionId) {
  const section = klass.sections.find((s) => s.id === sectionId) ?? klass.sections[0];
  if (!section) throw new Error('the demo class has no sections');
  return section;
}

/** @param {Document} doc @param {DemoClass} klass @param {DemoSection} current @param {number} week @param {(id: string, week: number) => string} linkTo */
function sectionTabs(doc, klass, current, week, linkTo) {
  const tabs = klass.sections.map((s) => {
    const tab = el(doc, 'a', { class: 'tab', href: linkTo(s.id, week), 'data-section': s.id }, `Period ${s.period}`);
    if (s === current) tab.setAttribute('aria-current', 'page');
    return tab;
  });
  return el(doc, 'nav', { class: 'section-tabs', 'aria-label': 'Sections' }, ...tabs);
}

/** @param {Document} doc @param {DemoClass} klass */
function termBar(doc, klass) {
  return el(doc, 'div', { class: 'term-bar' },
    el(doc, 'div', { class: 'term-text' },
      el(doc, 'p', { id: 'term-week', 'data-term-start': klass.termStart, 'data-midterm': klass.midterm, 'data-term-end': klass.termEnd }),
      el(doc, 'p', { class: 'calendar' })),
    el(doc, 'button', { id: 'next-week', type: 'button' }, 'Next week →'));
}

/** @param {Document} doc @param {DemoClass} klass @param {number} week */
function updateTermBar(doc, klass, week) {
  const { start, end } = weekDates(klass, week);
  const termWeek = doc.getElementById('term-week');
  termWeek?.setAttribute('data-week', String(week));
  if (termWeek) setText(termWeek, `Week ${week} of ${klass.weeks} · ${shortDate(start)} – ${shortDate(end)}`);
  const calendar = doc.querySelector('.term-bar .calendar');
  if (calendar) setText(calendar, `Term ${shortDate(klass.termStart)} – ${shortDate(klass.termEnd)} · Midterm progress report ${longDate(klass.midterm)}`);
  const next = doc.getElementById('next-week');
  if (next) /** @type {HTMLButtonElement} */ (next).disabled = week >= klass.weeks;
}

/** @param {Document} doc @param {DemoSection} section */
function gradeTable(doc, section) {
  const headings = section.assignments.map((a) =>
    el(doc, 'th', { class: 'assignment', scope: 'col', 'data-assignment-id': a.id, 'data-category': a.category, 'data-due': a.due, 'data-points': String(a.points), title: `${a.name} · ${a.category} · due ${longDate(a.due)} · ${a.points} points${a.letterGraded ? ' · letter-graded' : ''}` },
      el(doc, 'span', { class: 'a-name' }, a.name), ' ', el(doc, 'span', { class: 'a-meta' }, `${monthDay(a.due)} · ${a.points} pts`)));
  const rows = section.students.map((student) =>
    el(doc, 'tr', { class: 'student-row', 'data-student-id': student.id },
      el(doc, 'th', { scope: 'row', class: 'student-name' }, student.name),
      el(doc, 'td', { class: 'overall' }, el(doc, 'span', { class: 'pct' }), ' ', el(doc, 'span', { class: 'letter' })),
      ...section.assignments.map((a) => el(doc, 'td', { class: 'score', 'data-assignment-id': a.id }, el(doc, 'span', { class: 'value' })))));
  return el(doc, 'table', { id: 'grade-grid', 'data-section-id': section.id, 'data-section-name': section.name, 'data-teacher': section.teacher, 'data-period': section.period },
    el(doc, 'thead', {}, el(doc, 'tr', {},
      el(doc, 'th', { class: 'student-col', scope: 'col' }, 'Student'),
      el(doc, 'th', { class: 'overall-col', scope: 'col' }, 'Overall'),
      ...headings)),
    el(doc, 'tbody', {}, ...rows));
}

/**
 * Writes one cell's text and flags; touches the DOM only where something changed, so an observer on
 * the page sees exactly the cells the "teacher" changed.
 * @param {Document} doc @param {Element} td @param {ShownCell} shown @param {boolean} markChanges
 */
function fillScoreCell(doc, td, shown, markChanges) {
  const value = td.querySelector('span.value') ?? td.appendChild(el(doc, 'span', { class: 'value' }));
  const before = value.textContent;
  const changed = before !== shown.text;
  if (changed) value.textContent = shown.text;
  // highlight grades that changed, not the newly due column filling in
  const regraded = markChanges && changed && before !== '—';
  for (const flag of /** @type {const} */ (['missing', 'late', 'excused'])) {
    if (td.classList.contains(flag) !== shown.flags[flag]) td.classList.toggle(flag, shown.flags[flag]);
  }
  const lateMark = td.querySelector('span.flag');
  if (shown.flags.late && !lateMark) td.append(el(doc, 'span', { class: 'flag', title: 'Late' }, 'L'));
  if (!shown.flags.late && lateMark) lateMark.remove();
  if (td.classList.contains('pending') !== (shown.text === '*')) td.classList.toggle('pending', shown.text === '*');
  if (td.classList.contains('changed') !== regraded) td.classList.toggle('changed', regraded);
}

/** @param {Document} doc */
function legend(doc) {
  const item = (/** @type {string} */ cls, /** @type {string} */ mark, /** @type {string} */ meaning) =>
    el(doc, 'span', { class: 'legend-item' }, el(doc, 'span', { class: `legend-mark ${cls}` }, mark), ` ${meaning}`);
  return el(doc, 'p', { class: 'legend' },
    item('missing', 'M', 'missing (counts as 0)'), item('late', 'L', 'late'), item('excused', 'EX', 'excused (not counted)'),
    item('', '—', 'not graded yet'), item('pending', '*', 'pending review'), item('changed', '12', 'grade changed this week'));
}

/** @param {Element} node @param {string} text */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * @param {Document} doc @param {string} tag @param {Record<string, string>} attributes
 * @param {...(Node | string)} children strings become text nodes, never markup
 */
function el(doc, tag, attributes, ...children) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** @param {string} iso */
const parts = (iso) => iso.split('-').map(Number);
/** `10/23` @param {string} iso */
const monthDay = (iso) => `${parts(iso)[1]}/${parts(iso)[2]}`;
/** `Oct 23` @param {string} iso */
const shortDate = (iso) => `${MONTHS[(parts(iso)[1] ?? 1) - 1]} ${parts(iso)[2]}`;
/** `Fri, Dec 18` @param {string} iso */
const longDate = (iso) => `${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]}, ${shortDate(iso)}`;
