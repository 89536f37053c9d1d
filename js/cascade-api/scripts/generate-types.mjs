// Generates src/generated/types.ts, the TypeScript of what Cascade's RPC answers, from the type
// registry of the committed metadata (client/metadata/cascade.scale, refreshed by
// scripts/build/metadata.sh): the output types of ReceivablesApi's methods, as the node's JSON
// shows them. The JSON follows the read types' serde, whose rules are applied here:
//   - fields camelCase; balances and asset ids (`Decimal<…>`, SCALE-encoded as the number itself)
//     decimal strings; accounts SS58 and hashes 0x… strings; bytes (the invoice reference) text; ids,
//     counts, rates (Permill: parts per million) and times (ms) numbers; Option → `| null`;
//   - enums externally tagged with camelCase variants: a unit variant is its name as a string,
//     a variant with fields `{ name: { …fields } }`;
//   - a note's `NoteState` is flattened into three fields: `state`, `pendingTo`, `financing`;
//   - `*Info` types lose the suffix (NoteInfo → Note).
// scripts/e2e/rpc.test.js checks the node's answers against FIELDS, so a rule that no longer
// holds fails there.
//   node js/cascade-api/scripts/generate-types.mjs           write the file
//   node js/cascade-api/scripts/generate-types.mjs --check   exit 1 if the file is stale
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TypeRegistry } from '@polkadot/types';
import { Metadata } from '@polkadot/types/metadata';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const METADATA = join(ROOT, 'client', 'metadata', 'cascade.scale');
const OUT = join(HERE, '..', 'src', 'generated', 'types.ts');
/** The JSON-RPC methods that answer a runtime API method's output: cascade_<camelCase>. */
const RPC_METHODS = ['receivable', 'note', 'notes_of', 'lineage', 'tree', 'exposure', 'quote', 'claims_of',
  'financings_of', 'programs_of', 'requests_of', 'receivables_of', 'lines_of', 'attestations_of', 'program_quote'];

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1);

const registry = new TypeRegistry();
const metadata = new Metadata(registry, readFileSync(METADATA));
registry.setMetadata(metadata);
const latest = metadata.asLatest;
const lookup = latest.lookup;

/** Declarations by name, in the order first met. */
const decls = new Map();
/** Field names of each interface, for checking the node's answers. */
const fields = new Map();
/** What JSON each field holds, for checking the node's answers: `string`, `number`, `boolean`,
 * `array`, `object` or `any` (an enum with and without fields), `?` when it may be null. */
const kinds = new Map();
/** What kind of JSON value a TypeScript type is. */
function kindOf(t) {
  if (t.endsWith(' | null')) return kindOf(t.slice(0, -7)) + '?';
  if (t.endsWith('[]')) return 'array';
  if (t === 'Decimal' || t === 'string' || t === 'NoteStateName') return 'string';
  if (t === 'number' || t === 'boolean') return t;
  const decl = decls.get(t);
  if (decl && decl.includes('export interface')) return 'object';
  if (decl && decl.includes('export type')) {
    const arms = decl.slice(decl.indexOf('=') + 1);
    return arms.includes('{') ? (arms.includes("'") ? 'any' : 'object') : 'string';
  }
  return 'any';
}

const pathOf = (t) => t.path.map(String);
const lastOf = (t) => pathOf(t).at(-1);

function docs(lines, indent = '') {
  const text = lines.map(String).join(' ').trim();
  return text ? `${indent}/** ${text.replace(/\*\//g, '* /')} */\n` : '';
}

/** The TypeScript of type `id`, whose Rust name at the use site is `typeName`. */
function ts(id, typeName) {
  const name = typeName ? String(typeName) : '';
  if (name === 'AccountId') return 'string';
  const t = lookup.getSiType(id);
  const path = pathOf(t);
  const last = path.at(-1);
  const def = t.def;
  if (last === 'Option') return `${ts(t.params[0].type.unwrap())} | null`;
  if (last === 'Decimal') return 'Decimal';
  if (last === 'AccountId32' || last === 'H256') return 'string';
  if (last === 'Permill' || last === 'Perbill') return 'number';
  if (def.isPrimitive) {
    const p = def.asPrimitive.type;
    if (p === 'Bool') return 'boolean';
    if (p === 'Str' || p === 'Char') return 'string';
    // serde writes every integer as a JSON number (a u128 too: read types use Decimal for those).
    return 'number';
  }
  if (def.isCompact) return ts(def.asCompact.type.toNumber());
  if (def.isSequence) {
    const inner = def.asSequence.type.toNumber();
    const it = lookup.getSiType(inner);
    if (it.def.isPrimitive && it.def.asPrimitive.type === 'U8') return 'string';
    return `${wrap(ts(inner))}[]`;
  }
  if (def.isArray) return 'string';
  if (def.isComposite && last) return declareStruct(t);
  if (def.isVariant && last) return declareEnum(t);
  throw new Error(`no TypeScript for type ${id} (${path.join('::')})`);
}

const wrap = (s) => (s.includes('|') ? `(${s})` : s);

function jsName(t) {
  const last = lastOf(t);
  return last.endsWith('Info') ? last.slice(0, -4) : last;
}

function declareStruct(t) {
  const name = jsName(t);
  if (decls.has(name)) return name;
  decls.set(name, null); // reserve: recursive references resolve to the name
  let body = '';
  const names = [];
  for (const f of t.def.asComposite.fields) {
    const rust = f.name.unwrap().toString();
    const ft = lookup.getSiType(f.type.toNumber());
    if (lastOf(ft) === 'NoteState') {
      // Flattened: the state's name, and the account a pending note is offered to or a pledged
      // note's financing.
      const states = ft.def.asVariant.variants.map((v) => `'${lowerFirst(v.name.toString())}'`).join(' | ');
      decls.set('NoteStateName', `/** Where a note is in its life. */\nexport type NoteStateName = ${states};\n`);
      body += docs(f.docs, '  ') + '  state: NoteStateName;\n';
      body += '  /** The account a pending note is offered to, else null. */\n  pendingTo: string | null;\n';
      body += "  /** A pledged note's financing, else null. */\n  financing: number | null;\n";
      names.push(['state', 'NoteStateName'], ['pendingTo', 'string | null'], ['financing', 'number | null']);
      continue;
    }
    const key = camel(rust);
    const type = ts(f.type.toNumber(), f.typeName.isSome ? f.typeName.unwrap() : '');
    body += docs(f.docs, '  ') + `  ${key}: ${type};\n`;
    names.push([key, type]);
  }
  decls.set(name, `${docs(t.docs)}export interface ${name} {\n${body}}\n`);
  fields.set(name, names);
  return name;
}

function declareEnum(t) {
  const name = jsName(t);
  if (decls.has(name)) return name;
  decls.set(name, null);
  const arms = t.def.asVariant.variants.map((v) => {
    const tag = lowerFirst(v.name.toString());
    if (v.fields.length === 0) return `'${tag}'`;
    // A newtype variant (`Tier(TierGrade)`): serde writes `{ tier: … }`.
    if (v.fields.length === 1 && v.fields[0].name.isNone) return `{ ${tag}: ${ts(v.fields[0].type.toNumber())} }`;
    const inner = v.fields.map((f) => `${camel(f.name.unwrap().toString())}: ${ts(f.type.toNumber(), f.typeName.isSome ? f.typeName.unwrap() : '')}`).join('; ');
    return `{ ${tag}: { ${inner} } }`;
  });
  decls.set(name, `${docs(t.docs)}export type ${name} = ${arms.join(' | ')};\n`);
  return name;
}

/** What cascade_<method> answers: the output, a list's item for paged lists. */
const answers = [];
const api = latest.apis.find((a) => a.name.toString() === 'ReceivablesApi');
if (!api) throw new Error('the metadata has no ReceivablesApi');
for (const m of api.methods) {
  const method = m.name.toString();
  if (!RPC_METHODS.includes(method)) continue;
  const out = lookup.getSiType(m.output.toNumber());
  let answer;
  if (lastOf(out) === 'Result') {
    // Result<Page<T>, PageError>: the RPC answers a page, or the whole list as an array.
    const page = lookup.getSiType(out.params[0].type.unwrap());
    const items = page.def.asComposite.fields.find((f) => f.name.unwrap().toString() === 'items');
    const item = lookup.getSiType(items.type.toNumber()).def.asSequence.type.toNumber();
    answer = `Page<${ts(item)}>`;
  } else {
    answer = ts(m.output.toNumber());
  }
  answers.push(`  cascade_${camel(method)}: ${answer};`);
}

const fieldTable = [...fields.entries()]
  .map(([n, f]) => `  ${n}: { ${f.map(([key, type]) => `${key}: '${kindOf(type)}'`).join(', ')} },`)
  .join('\n');
const text = `// Generated by js/cascade-api/scripts/generate-types.mjs from client/metadata/cascade.scale:
// do not edit. What Cascade's JSON-RPC answers, type by type (see the generator for the rules).

/** A decimal string: a balance or an asset id (they may exceed 2^53). */
export type Decimal = string;

/** One page of a list: pass \`next\` back as the cursor until it is null. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

${[...decls.values()].join('\n')}
/** What each cascade_* method answers (a paged list: one page; asked without a page: the items). */
export interface Answers {
${answers.join('\n')}
}

/** The fields of each answer type and the JSON each holds (\`?\`: or null), for checking what a
 * node answers. */
export const FIELDS = {
${fieldTable}
} as const;
`;

if (process.argv.includes('--check')) {
  const now = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (now !== text) {
    console.log(`${OUT} is stale: run node js/cascade-api/scripts/generate-types.mjs`);
    process.exit(1);
  }
  console.log('the generated types match the committed metadata');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${decls.size} types`);
}
