// A deterministic synthetic Have I Been Pwned catalogue (API v3 `breaches`
// JSON) of N made-up companies, and a typo query set drawn from it, for the
// benchmarks (`tools/bench.mjs`). Same seed, same output, on every machine.
//
//   node tools/synth-catalog.mjs [N=100000] [out.json|-] [--queries queries.json] [--seed S]
//
// Names are composed from word lists ("Northwind Dental Group", "Bluefin
// Logistics", "Cedar Ridge Veterinary Clinic", …); no two entries share a
// Name, a Domain, or a normalized name (case, punctuation, a trailing legal
// word such as "Group" and a leading "The" ignored), so every query has one
// right answer.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 20240607;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive

// Coined brand words: "North" + "wind" → "Northwind".
const HEADS = [
  'North', 'South', 'East', 'West', 'Blue', 'Silver', 'Red', 'Oak', 'Pine', 'Stone', 'Bright', 'Clear',
  'Iron', 'Gold', 'Green', 'High', 'Lake', 'River', 'Sun', 'Star', 'Cedar', 'Maple', 'Fox', 'Eagle',
  'Copper', 'Granite', 'Willow', 'Birch', 'Ash', 'Elm', 'Summer', 'Winter', 'Crystal', 'Sea', 'Bay',
  'Moon', 'Hawk', 'Wolf', 'Bear', 'Deer', 'Glen', 'Harbor', 'Mill', 'Brook', 'Frost', 'Amber', 'Coral',
  'Ever', 'True', 'Swift', 'Wild', 'Long', 'Fair', 'Rose', 'Sky', 'Thunder', 'Rain', 'Snow', 'Bell',
];
const TAILS = [
  'wind', 'fin', 'field', 'brook', 'gate', 'ridge', 'stone', 'wood', 'view', 'crest', 'haven', 'port',
  'light', 'water', 'peak', 'vale', 'ford', 'well', 'bridge', 'point', 'side', 'land', 'mark', 'line',
  'stream', 'spring', 'hill', 'dale', 'shore', 'moor', 'leaf', 'wing', 'path', 'field', 'rock', 'bay',
];
// Ordinary words that start many real company names.
const WORDS = [
  'Atlas', 'Summit', 'Pinnacle', 'Horizon', 'Meridian', 'Keystone', 'Liberty', 'Heritage', 'Pioneer',
  'Frontier', 'Beacon', 'Anchor', 'Compass', 'Vanguard', 'Sterling', 'Paramount', 'Premier', 'Crescent',
  'Evergreen', 'Redwood', 'Sequoia', 'Aspen', 'Juniper', 'Magnolia', 'Sycamore', 'Hawthorn', 'Laurel',
  'Cypress', 'Alder', 'Hemlock', 'Chestnut', 'Hickory', 'Walnut', 'Orchard', 'Meadow', 'Prairie', 'Canyon',
  'Mesa', 'Sierra', 'Cascade', 'Tidewater', 'Bluewater', 'Saltmarsh', 'Ironwood', 'Kestrel', 'Falcon',
  'Osprey', 'Heron', 'Pelican', 'Condor', 'Raven', 'Sparrow', 'Cardinal', 'Bluebird', 'Mustang', 'Bison',
  'Lynx', 'Otter', 'Badger', 'Puma', 'Jaguar', 'Orion', 'Vega', 'Polaris', 'Apex', 'Zenith', 'Vertex',
  'Quantum', 'Nimbus', 'Cobalt', 'Indigo', 'Scarlet', 'Ivory', 'Onyx', 'Jade', 'Topaz', 'Sapphire',
  'Emerald', 'Obsidian', 'Marble', 'Slate', 'Quarry', 'Harvest', 'Granary', 'Lantern', 'Compass',
  'Citadel', 'Bastion', 'Rampart', 'Sentinel', 'Guardian', 'Patriot', 'Union', 'Federal', 'National',
  'Continental', 'Pacific', 'Atlantic', 'Coastal', 'Inland', 'Midland', 'Heartland', 'Lakeshore',
  'Riverside', 'Hillcrest', 'Fairview', 'Brookside', 'Westbrook', 'Ashford', 'Kingsley', 'Whitmore',
  'Carrington', 'Pemberton', 'Hollister', 'Prescott', 'Thornton', 'Harrington', 'Wexford', 'Stratford',
  'Bradley', 'Morgan', 'Sullivan', 'Donovan', 'Fletcher', 'Garrison', 'Hudson', 'Lincoln', 'Madison',
  'Monroe', 'Jefferson', 'Franklin', 'Calloway', 'Delgado', 'Moreno', 'Castillo', 'Nakamura', 'Okafor',
  'Lindqvist', 'Novak', 'Kowalski', 'Brennan', 'Gallagher', 'Abernathy', 'Quincy', 'Ellison', 'Barrow',
];
// What the company does.
const TRADES = [
  'Dental', 'Logistics', 'Foods', 'Insurance', 'Software', 'Analytics', 'Health', 'Medical', 'Pharmacy',
  'Veterinary', 'Realty', 'Properties', 'Mortgage', 'Lending', 'Credit Union', 'Bank', 'Capital',
  'Wealth', 'Advisors', 'Accounting', 'Payroll', 'Staffing', 'Recruiting', 'Consulting', 'Legal',
  'Law', 'Security', 'Telecom', 'Wireless', 'Broadband', 'Energy', 'Power', 'Solar', 'Utilities',
  'Water', 'Auto', 'Motors', 'Tire', 'Freight', 'Shipping', 'Airlines', 'Travel', 'Hotels', 'Resorts',
  'Cruises', 'Fitness', 'Sports', 'Outdoor', 'Apparel', 'Footwear', 'Jewelers', 'Furniture', 'Home',
  'Hardware', 'Garden', 'Pet', 'Toys', 'Books', 'Music', 'Games', 'Media', 'Publishing', 'Printing',
  'Marketing', 'Design', 'Studios', 'Photo', 'Electronics', 'Computers', 'Cloud', 'Data', 'Networks',
  'Cyber', 'Robotics', 'Biotech', 'Labs', 'Diagnostics', 'Imaging', 'Orthopedics', 'Pediatrics',
  'Eye Care', 'Hearing', 'Rehab', 'Home Care', 'Senior Living', 'Hospice', 'Clinic', 'Hospital',
  'School', 'Academy', 'College', 'University', 'Learning', 'Tutoring', 'Childcare', 'Bakery', 'Brewing',
  'Coffee', 'Tea', 'Grocers', 'Market', 'Pizza', 'Grill', 'Catering', 'Dairy', 'Farms', 'Seafood',
  'Meats', 'Produce', 'Beverage', 'Distillery', 'Winery', 'Cosmetics', 'Salon', 'Spa', 'Cleaners',
  'Plumbing', 'Electric', 'Roofing', 'Construction', 'Builders', 'Engineering', 'Architects',
  'Manufacturing', 'Plastics', 'Steel', 'Metals', 'Chemicals', 'Packaging', 'Paper', 'Textiles',
  'Aerospace', 'Marine', 'Rail', 'Transit', 'Parking', 'Storage', 'Moving', 'Rentals', 'Ticketing',
  'Events', 'Entertainment', 'Cinemas', 'Casino', 'Lottery', 'Charity', 'Foundation', 'Church',
];
// What follows the trade, sometimes.
const ENDINGS = [
  'Group', 'Partners', 'Associates', 'Services', 'Solutions', 'Systems', 'Works', 'Supply', 'Center',
  'Collective', 'Network', 'Alliance', 'Company', 'Holdings', 'Cooperative', 'Exchange', 'Direct',
  'Online', 'International', 'of America', 'Northwest', 'Southeast', 'Midwest', 'of Ohio', 'of Texas',
];
const PLACES = [
  'Springfield', 'Riverton', 'Lakewood', 'Fairfield', 'Greenville', 'Oakdale', 'Maplewood', 'Brighton',
  'Clinton', 'Georgetown', 'Salem', 'Bristol', 'Dover', 'Kingston', 'Milford', 'Newport', 'Oxford',
  'Ashland', 'Burlington', 'Chester', 'Dayton', 'Easton', 'Hampton', 'Jackson', 'Lebanon', 'Marion',
];
const TLDS = ['com', 'com', 'com', 'com', 'com', 'com', 'net', 'org', 'co', 'io', 'us', 'co.uk', 'de', 'ca', 'com.au'];

/** Real HIBP data class names, the first always present. */
export const DATA_CLASSES = [
  'Email addresses', 'Passwords', 'Names', 'Phone numbers', 'Dates of birth', 'Physical addresses',
  'Social security numbers', 'IP addresses', 'Usernames', 'Genders', 'Geographic locations',
  'Partial credit card data', 'Purchases', 'Credit cards', 'Security questions and answers',
  "Driver's licenses", 'Employers', 'Job titles', 'Bank account numbers', 'Medical records',
];

const LEGAL = new Set(['inc', 'llc', 'co', 'company', 'ltd', 'corp', 'holdings', 'holding', 'group', 'plc']);

/** Roughly the core's normalized key: enough to keep generated names apart. */
export function roughKey(title) {
  const words = title.toLowerCase().replace(/&/g, ' and ').replace(/[.']/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  while (words.length > 1 && LEGAL.has(words[words.length - 1])) words.pop();
  while (words.length > 1 && words[0] === 'the') words.shift();
  return words.join('');
}

function brand(rnd) {
  const r = rnd();
  if (r < 0.35) return pick(rnd, HEADS) + pick(rnd, TAILS);
  if (r < 0.8) return pick(rnd, WORDS);
  if (r < 0.9) {
    const tail = pick(rnd, TAILS);
    return `${pick(rnd, HEADS)} ${tail[0].toUpperCase()}${tail.slice(1)}`;
  }
  return `${pick(rnd, WORDS)} ${pick(rnd, HEADS)}${pick(rnd, TAILS)}`;
}

function title(rnd) {
  const r = rnd();
  const b = brand(rnd);
  if (r < 0.3) return `${b} ${pick(rnd, TRADES)}`;
  if (r < 0.7) return `${b} ${pick(rnd, TRADES)} ${pick(rnd, ENDINGS)}`;
  if (r < 0.8) return `${pick(rnd, PLACES)} ${b} ${pick(rnd, TRADES)}`;
  if (r < 0.88) return `${b} & ${pick(rnd, WORDS)} ${pick(rnd, TRADES)}`;
  if (r < 0.94) return `The ${b} ${pick(rnd, TRADES)} ${pick(rnd, ENDINGS)}`;
  return `${b} ${pick(rnd, PLACES)} ${pick(rnd, TRADES)}`;
}

const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoTime = (d) => `${isoDay(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** N breach objects shaped like the HIBP API v3 `breaches` response. */
export function generateCatalog(n = 100000, seed = DEFAULT_SEED) {
  const rnd = prng(seed);
  const keys = new Set();
  const names = new Set();
  const domains = new Set();
  const out = [];
  const start = Date.UTC(2008, 0, 1);
  const span = Date.UTC(2025, 5, 1) - start;
  let attempts = 0;
  while (out.length < n) {
    if (++attempts > n * 50) throw new Error(`could not compose ${n} distinct names`);
    const t = title(rnd);
    const key = roughKey(t);
    const name = t.replace(/[^A-Za-z0-9]/g, '');
    if (keys.has(key) || names.has(name.toLowerCase())) continue;
    const base = roughKey(t.replace(/\b(Group|Partners|Associates|Services|Solutions|Company|Holdings)$/, ''));
    let domain = `${base}.${pick(rnd, TLDS)}`;
    if (domains.has(domain)) domain = `${key}.${pick(rnd, TLDS)}`;
    if (domains.has(domain)) continue;
    keys.add(key);
    names.add(name.toLowerCase());
    domains.add(domain);

    const breach = new Date(start + Math.floor(rnd() * span));
    const added = new Date(breach.getTime() + int(rnd, 3, 400) * 86400000 + int(rnd, 0, 86399) * 1000);
    const modified = new Date(added.getTime() + (rnd() < 0.7 ? 0 : int(rnd, 1, 300) * 86400000));
    const pwn = Math.round(10 ** (3 + rnd() * 5.7));
    const classes = ['Email addresses'];
    const extra = int(rnd, 1, 5);
    while (classes.length <= extra) {
      const c = DATA_CLASSES[1 + Math.floor(rnd() * rnd() * (DATA_CLASSES.length - 1))];
      if (!classes.includes(c)) classes.push(c);
    }
    classes.sort();
    const listed = classes.map((c) => c.toLowerCase());
    const what = listed.length > 1 ? `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}` : listed[0];
    out.push({
      Name: name,
      Title: t,
      Domain: domain,
      BreachDate: isoDay(breach),
      AddedDate: isoTime(added),
      ModifiedDate: isoTime(modified),
      PwnCount: pwn,
      Description:
        `In ${MONTHS[breach.getUTCMonth()]} ${breach.getUTCFullYear()}, ${t.replace(/&/g, '&amp;')} suffered a ` +
        `<a href="https://${domain}/notice" target="_blank">data breach</a> exposing ${pwn.toLocaleString('en-US')} ` +
        `records with ${what}.`,
      LogoPath: `https://logos.haveibeenpwned.com/${name}.png`,
      DataClasses: classes,
      IsVerified: true,
      IsFabricated: false,
      IsSensitive: false,
      IsRetired: false,
      IsSpamList: false,
      IsMalware: false,
      IsStealerLog: false,
      IsSubscriptionFree: false,
    });
  }
  return out;
}

// Neighbouring keys on a QWERTY keyboard, for substitutions.
const NEIGHBOURS = {
  a: 'qwsz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb',
  i: 'ujko', j: 'huikmn', k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa',
  r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji', v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
};

/** One realistic typo in an interior letter (the first letter is kept). */
export function typo(text, rnd) {
  const letters = [];
  for (let i = 1; i < text.length; i++) if (/[a-z]/i.test(text[i])) letters.push(i);
  const i = pick(rnd, letters);
  const kind = pick(rnd, ['swap', 'drop', 'double', 'substitute']);
  const c = text[i];
  if (kind === 'swap' && i + 1 < text.length && /[a-z]/i.test(text[i + 1]) && text[i + 1] !== c) {
    return { kind, text: text.slice(0, i) + text[i + 1] + c + text.slice(i + 2) };
  }
  if (kind === 'drop' || kind === 'swap') return { kind: 'drop', text: text.slice(0, i) + text.slice(i + 1) };
  if (kind === 'double') return { kind, text: text.slice(0, i + 1) + c + text.slice(i + 1) };
  const lower = c.toLowerCase();
  let sub = pick(rnd, NEIGHBOURS[lower] || 'e');
  if (c !== lower) sub = sub.toUpperCase();
  return { kind, text: text.slice(0, i) + sub + text.slice(i + 1) };
}

/**
 * About `count` queries drawn evenly from the catalogue: 60% whole titles with
 * one typo (half of them typed in lower case), 20% prefixes of 3–8 characters,
 * 20% whole names in lower case. Each has the Title it should find.
 */
export function generateQueries(catalog, count = 200, seed = DEFAULT_SEED + 1) {
  const rnd = prng(seed);
  const queries = [];
  const step = catalog.length / count;
  for (let q = 0; q < count; q++) {
    const r = q % 5;
    let entry = catalog[Math.floor(q * step + rnd() * step)];
    // A prefix of "The …" says nothing: take a neighbour without it.
    for (let k = 1; r === 3 && entry.Title.startsWith('The '); k++) entry = catalog[(Math.floor(q * step) + k) % catalog.length];
    const t = entry.Title;
    if (r < 3) {
      const { kind, text } = typo(t, rnd);
      queries.push({ kind: 'typo', typo: kind, query: r === 2 ? text.toLowerCase() : text, expected: t });
    } else if (r === 3) {
      const len = Math.min(t.length, int(rnd, 3, 8));
      queries.push({ kind: 'prefix', query: t.slice(0, len).trim().toLowerCase(), expected: t });
    } else {
      queries.push({ kind: 'whole', query: t.toLowerCase(), expected: t });
    }
  }
  return queries;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, v] = args.splice(i, 2);
    return v;
  };
  const seed = Number(flag('--seed') ?? DEFAULT_SEED);
  const queriesOut = flag('--queries');
  const n = Number(args[0] ?? 100000);
  const out = args[1] ?? '-';
  if (!Number.isInteger(n) || n < 1) {
    console.error('usage: node tools/synth-catalog.mjs [N=100000] [out.json|-] [--queries queries.json] [--seed S]');
    process.exit(2);
  }
  const catalog = generateCatalog(n, seed);
  const json = JSON.stringify(catalog);
  if (out === '-') process.stdout.write(json + '\n');
  else writeFileSync(out, json);
  if (queriesOut) writeFileSync(queriesOut, JSON.stringify(generateQueries(catalog, 200, seed + 1), null, 1));
  if (out !== '-') console.error(`wrote ${n} breaches (${(json.length / 1e6).toFixed(1)} MB) to ${out}`);
}
