// Wires the demo page to its URL: which class, section and week to show, and the "Next week →" button,
// which advances the term without a reload (like a teacher entering grades on an open page).
import { generateClass } from './gradebook-data.js';
import { readPageParams } from './gradebook-params.js';
import { renderGradebook, showWeek } from './gradebook-render.js';

const { classOptions, sectionId, week: startWeek } = readPageParams(location.href);
const klass = generateClass(classOptions);
let week = Math.min(startWeek, klass.weeks);

/** Section tabs keep the other parameters (seed, class size, start) and the week shown. */
function linkTo(/** @type {string} */ id, /** @type {number} */ shownWeek) {
  const url = new URL(location.href);
  url.searchParams.set('section', id);
  url.searchParams.set('week', String(shownWeek));
  return `${url.pathname}${url.search}`;
}

renderGradebook(document, klass, { sectionId, week, linkTo });
document.title = `${document.querySelector('#grade-grid')?.getAttribute('data-section-name') ?? 'Gradebook'} · Week ${week}`;

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('#next-week') : null;
  if (!button || week >= klass.weeks) return;
  week += 1;
  showWeek(document, klass, { sectionId, week, linkTo });
  const url = new URL(location.href);
  url.searchParams.set('week', String(week));
  history.replaceState(null, '', url);
  document.title = document.title.replace(/Week \d+$/, `Week ${week}`);
});
