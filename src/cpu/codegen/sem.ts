/**
 * Reading instruction semantics (src/isa/semantics.ts): what effects a body has, and its
 * expansion with the fields and effect code of one generator (the interpreter's or the block
 * translator's).
 */
import { EFFECTS, type Effect } from '../../isa/semantics';

/** One effect in a body: its name and the text of its argument (undefined when it has none). */
interface EffectUse {
  readonly name: Effect;
  readonly arg: string | undefined;
  readonly start: number;
  readonly end: number;
}

/** What a body does, as the generators need to know it before writing its code. */
export interface SemShape {
  /** LOAD(n) / STORE(n): the access width, 0 when none. */
  readonly loadSize: number;
  readonly storeSize: number;
  readonly control: 'none' | 'branch' | 'jump' | 'jump64';
  /** HART / RAISE / FAULT: a call into the hart. */
  readonly hart: 'none' | 'call' | 'raise' | 'fault';
  readonly ordered: boolean;
  /** A load and nothing else shared: no store, no call into the hart, no ORDERED mark. */
  readonly plainLoad: boolean;
  readonly attn: boolean;
  readonly end: boolean;
  /** The operand halves the body reads (a, ah, b, bh). */
  readonly reads: { readonly a: boolean; readonly ah: boolean; readonly b: boolean; readonly bh: boolean };
}

const EFFECT_RE = new RegExp(`\\b(${EFFECTS.join('|')})\\b`, 'g');

/** The effects of `body`, in order, with their arguments (balanced parentheses). */
function scan(body: string): EffectUse[] {
  const out: EffectUse[] = [];
  EFFECT_RE.lastIndex = 0;
  for (let m = EFFECT_RE.exec(body); m !== null; m = EFFECT_RE.exec(body)) {
    const name = m[1] as Effect;
    let end = m.index + name.length;
    let arg: string | undefined;
    if (body[end] === '(') {
      let depth = 0;
      let i = end;
      for (; i < body.length; i++) {
        if (body[i] === '(') depth++;
        else if (body[i] === ')' && --depth === 0) break;
      }
      if (depth !== 0) throw new Error(`semantics: unbalanced ${name}( in '${body}'`);
      arg = body.slice(end + 1, i);
      end = i + 1;
    }
    if (body[end] === ';') end++;
    out.push({ name, arg, start: m.index, end });
    EFFECT_RE.lastIndex = end;
  }
  return out;
}

/** The shape of a body (cached by the callers per op). */
export function shapeOf(body: string): SemShape {
  const uses = scan(body);
  const has = (n: Effect): EffectUse | undefined => uses.find((u) => u.name === n);
  const load = has('LOAD');
  const store = has('STORE');
  const control = has('BRANCH') ? 'branch' : has('JUMP64') ? 'jump64' : has('JUMP') ? 'jump' : 'none';
  const hart = has('RAISE') ? 'raise' : has('FAULT') ? 'fault' : has('HART') ? 'call' : 'none';
  const plain = expand(body, {}, (_n, arg) => ` ${arg ?? ''} `);
  const reads = { a: /\ba\b/.test(plain), ah: /\bah\b/.test(plain), b: /\bb\b/.test(plain), bh: /\bbh\b/.test(plain) };
  // LOAD and STORE use rs1 (and STORE rs2) for the address and data.
  if (load !== undefined || store !== undefined) { reads.a = true; reads.ah = true; }
  if (store !== undefined) { reads.b = true; reads.bh = true; }
  return {
    loadSize: load !== undefined ? Number(load.arg) : 0,
    storeSize: store !== undefined ? Number(store.arg) : 0,
    // Every data access is ordered among harts (docs/cpu.md), besides what the body marks.
    control, hart, ordered: has('ORDERED') !== undefined || load !== undefined || store !== undefined,
    plainLoad: load !== undefined && store === undefined && hart === 'none' && has('ORDERED') === undefined,
    attn: has('ATTN') !== undefined, end: has('END') !== undefined, reads,
  };
}

/**
 * `body` with the field names replaced by `fields` (RD → '5', PC → '(pc0 + 8)', …) and each
 * effect by what `effect` writes for it (its argument already expanded).
 */
export function expand(body: string, fields: Readonly<Record<string, string>>, effect: (name: Effect, arg: string | undefined) => string): string {
  const names = Object.keys(fields);
  const subst = (text: string): string =>
    names.length === 0 ? text : text.replace(new RegExp(`\\b(${names.join('|')})\\b`, 'g'), (n) => fields[n]);
  let out = '';
  let pos = 0;
  for (const u of scan(body)) {
    out += subst(body.slice(pos, u.start));
    out += effect(u.name, u.arg === undefined ? undefined : subst(u.arg));
    pos = u.end;
  }
  return out + subst(body.slice(pos));
}

/**
 * `body` cut at its (only) `name` effect: the text before it, the effect's argument and the
 * text after it; undefined when the body has no such effect.
 */
export function splitAt(body: string, name: Effect): { before: string; arg: string | undefined; after: string } | undefined {
  const u = scan(body).find((e) => e.name === name);
  if (u === undefined) return undefined;
  return { before: body.slice(0, u.start), arg: u.arg, after: body.slice(u.end) };
}
