// Student names for the demo class, shown "Last, First" as gradebooks list them. Diverse on purpose:
// accents, compound and particle surnames, suffixes and nicknames are what real rosters hold.

const FIRST_NAMES = [
  'Avery', 'Sofía', 'Mateo', 'Aaliyah', 'Wei', 'Priya', 'Oluwaseun', 'Zoë', 'José', 'Amara',
  'Liam', 'Noor', 'Hana', 'Kwame', 'Isabella', 'Dmitri', 'Fatima', 'Ethan', 'Mei', 'Santiago',
  'Chloé', 'Jamal', 'Ingrid', 'Rohan', 'Leilani', 'Tomás', 'Aisha', 'Benjamin', 'Yuki', 'Camila',
  'Declan', 'Nia', 'Elif', 'Gabriel', 'Ximena', 'Malik', 'Anaïs', 'Kai', 'Lucía', 'Omar',
  'Siobhán', 'Diego', 'Thandiwe', 'Hugo', 'Jae-won', 'Emma', 'Ravi', 'Marisol', 'Björn', 'Zainab',
  'Andrés', 'Naomi', 'Tariq', 'Esperanza', 'Finn', 'Adaeze', 'Linh', 'Grace', 'Mohammed', 'Renée',
];

const LAST_NAMES = [
  'Núñez', 'García-López', 'Van der Berg', "O'Brien", 'Nakamura', 'Okafor', 'Al-Sayed', 'Dubois',
  'Müller', 'Kowalski', 'Nguyen', 'Haddad', 'St. James', 'de la Cruz', 'Ramírez Ortega', 'Björklund',
  'Patel', 'Washington', 'Kim', 'Rossi', 'Mensah', 'Fitzgerald', 'Santos Silva', 'Chen',
  'Abernathy-Cole', 'Ivanova', 'Ortiz', 'Oyelaran', 'MacLeod', 'Schäfer', 'Delgado', 'Yılmaz',
  'Hernández', 'Petrov', 'Johnson', 'Achebe', 'Lindqvist', 'Thompson-Reyes', 'Baptiste', 'Sato',
  'Cohen', 'Mwangi', "D'Angelo", 'Le', 'Park', 'Kaur', 'Moreau', 'Zhang', 'Rahman', 'Walker',
  'Ó Súilleabháin', 'Torres', 'Andersen', 'Begay', 'Kealoha', 'Gonzalez', 'Ahmed', 'Novak',
  'Brooks', 'Lee',
];

const SUFFIXES = ['Jr.', 'III'];
const NICKNAMES = ['"Teddy"', '"Lulu"', '"JJ"', '"Nico"'];

/** One name that looks like markup: the page must show it as text, never parse it. */
export const MARKUP_NAME = `O'Neil & Co, Ana <b>"Bea"</b>`;

/**
 * Draws a name not in `taken` (and adds it there).
 * @param {import('./seeded-random.js').Random} random
 * @param {Set<string>} taken
 */
export function drawStudentName(random, taken) {
  for (let attempt = 0; ; attempt++) {
    let last = random.pick(LAST_NAMES);
    let first = random.pick(FIRST_NAMES);
    if (random.chance(0.04)) last = `${last} ${random.pick(SUFFIXES)}`;
    else if (random.chance(0.03)) first = `${first} ${random.pick(NICKNAMES)}`;
    // very large classes run out of plain combinations: middle initials keep names unique
    if (attempt > 50) first = `${first} ${String.fromCharCode(65 + random.int(0, 25))}.`;
    const name = `${last}, ${first}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/**
 * A sort key that orders names the way a roster does, the same in every browser and in Node
 * (accents folded, case ignored).
 * @param {string} name
 */
export function rosterSortKey(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
