// test/gtsc/harness.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// src/gtsc/index.ts
import ts6 from "typescript";

// src/errors.ts
var RvnError = class extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
    this.name = "RvnError";
  }
  exitCode;
};

// src/gtsc/data.ts
import ts4 from "typescript";

// src/gtsc/diag.ts
import ts from "typescript";
var GuestError = class extends Error {
};
function position(node) {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${sf.fileName}:${line + 1}:${character + 1}`;
}
function fail(node, message) {
  throw new GuestError(`${position(node)}: ${message}`);
}
function unsupported(node, construct) {
  fail(node, `${construct} is not supported in guest code`);
}
var CONSTRUCTS = {
  [ts.SyntaxKind.ArrowFunction]: "an arrow function",
  [ts.SyntaxKind.FunctionExpression]: "a function expression",
  [ts.SyntaxKind.ObjectLiteralExpression]: "an object literal",
  [ts.SyntaxKind.ArrayLiteralExpression]: "an array literal",
  [ts.SyntaxKind.TemplateExpression]: "a template string",
  [ts.SyntaxKind.NewExpression]: "`new`",
  [ts.SyntaxKind.ThisKeyword]: "`this`",
  [ts.SyntaxKind.ClassDeclaration]: "a class",
  [ts.SyntaxKind.ClassExpression]: "a class",
  [ts.SyntaxKind.TryStatement]: "an exception (try)",
  [ts.SyntaxKind.ThrowStatement]: "an exception (throw)",
  [ts.SyntaxKind.BigIntLiteral]: "a bigint literal",
  [ts.SyntaxKind.AnyKeyword]: "the `any` type",
  [ts.SyntaxKind.ForInStatement]: "for-in",
  [ts.SyntaxKind.ForOfStatement]: "for-of",
  [ts.SyntaxKind.AwaitExpression]: "`await`",
  [ts.SyntaxKind.YieldExpression]: "`yield`",
  [ts.SyntaxKind.DeleteExpression]: "`delete`",
  [ts.SyntaxKind.TypeOfExpression]: "`typeof`",
  [ts.SyntaxKind.SpreadElement]: "spread",
  [ts.SyntaxKind.EnumDeclaration]: "an enum",
  [ts.SyntaxKind.LabeledStatement]: "a labelled statement",
  [ts.SyntaxKind.WithStatement]: "`with`",
  [ts.SyntaxKind.RegularExpressionLiteral]: "a regular expression",
  [ts.SyntaxKind.TaggedTemplateExpression]: "a tagged template",
  [ts.SyntaxKind.NullKeyword]: "`null`",
  [ts.SyntaxKind.ExportAssignment]: "`export default` / `export =`",
  [ts.SyntaxKind.UndefinedKeyword]: "`undefined`"
};
function unsupportedNode(node) {
  const name = CONSTRUCTS[node.kind] ?? ts.SyntaxKind[node.kind];
  unsupported(node, name);
}

// src/gtsc/program.ts
import ts3 from "typescript";

// src/gtsc/intrinsics.ts
import ts2 from "typescript";

// src/gtsc/csrs.ts
var CSR_NUMBERS = {
  // user (N extension and UINTR)
  ustatus: 0,
  uie: 4,
  utvec: 5,
  uscratch: 64,
  uepc: 65,
  ucause: 66,
  utval: 67,
  uip: 68,
  cycle: 3072,
  time: 3073,
  instret: 3074,
  // supervisor
  sstatus: 256,
  sedeleg: 258,
  sideleg: 259,
  sie: 260,
  stvec: 261,
  scounteren: 262,
  sscratch: 320,
  sepc: 321,
  scause: 322,
  stval: 323,
  sip: 324,
  satp: 384,
  suist: 432,
  suirs: 433,
  suicfg: 434,
  stimecmp: 333,
  // machine
  mvendorid: 3857,
  marchid: 3858,
  mimpid: 3859,
  mhartid: 3860,
  mstatus: 768,
  misa: 769,
  medeleg: 770,
  mideleg: 771,
  mie: 772,
  mtvec: 773,
  mcounteren: 774,
  menvcfg: 778,
  mscratch: 832,
  mepc: 833,
  mcause: 834,
  mtval: 835,
  mip: 836,
  pmpcfg0: 928,
  pmpcfg2: 930,
  pmpaddr0: 944,
  pmpaddr1: 945,
  pmpaddr2: 946,
  pmpaddr3: 947,
  mcycle: 2816,
  minstret: 2818
};

// src/gtsc/types.ts
var INTS = {
  u8: { size: 1, signed: false },
  u16: { size: 2, signed: false },
  u32: { size: 4, signed: false },
  u64: { size: 8, signed: false },
  i8: { size: 1, signed: true },
  i16: { size: 2, signed: true },
  i32: { size: 4, signed: true },
  i64: { size: 8, signed: true },
  bool: { size: 1, signed: false }
};
var INT_ALIASES = {
  u8: "u8",
  u16: "u16",
  u32: "u32",
  u64: "u64",
  i8: "i8",
  i16: "i16",
  i32: "i32",
  i64: "i64",
  usize: "u64",
  isize: "i64",
  number: "i64",
  boolean: "bool"
};
var I64 = { k: "int", name: "i64" };
var U64 = { k: "int", name: "u64" };
var U8 = { k: "int", name: "u8" };
var BOOL = { k: "int", name: "bool" };
var VOID = { k: "void" };
var PTR_U8 = { k: "ptr", to: U8 };
function intType(name) {
  return { k: "int", name };
}
function sizeOf(t) {
  switch (t.k) {
    case "int":
      return INTS[t.name].size;
    case "ptr":
    case "fn":
      return 8;
    case "arr":
      return t.n * sizeOf(t.of);
    case "struct":
      return t.s.size;
    case "void":
      return 0;
  }
}
function alignOf(t) {
  switch (t.k) {
    case "int":
      return INTS[t.name].size;
    case "ptr":
    case "fn":
      return 8;
    case "arr":
      return alignOf(t.of);
    case "struct":
      return t.s.align;
    case "void":
      return 1;
  }
}
function isUnsigned(t) {
  return t.k === "int" ? !INTS[t.name].signed : t.k !== "void";
}
function valueType(t) {
  if (t.k === "arr") return { k: "ptr", to: t.of };
  if (t.k === "struct") return { k: "ptr", to: t };
  return t;
}
function isScalar(t) {
  return t.k === "int" || t.k === "ptr" || t.k === "fn";
}
function memAccess(t) {
  if (t.k === "int") return INTS[t.name];
  return { size: 8, signed: false };
}
function typeName(t) {
  switch (t.k) {
    case "int":
      return t.name;
    case "ptr":
      return `Ptr<${typeName(t.to)}>`;
    case "arr":
      return `Arr<${typeName(t.of)}, ${t.n}>`;
    case "struct":
      return t.s.name;
    case "fn":
      return `(${t.sig.params.map(typeName).join(", ")}) => ${typeName(t.sig.ret)}`;
    case "void":
      return "void";
  }
}
function wrapConst(v, t) {
  if (t.k !== "int" || t.name === "bool") return BigInt.asIntN(64, v);
  const { size, signed } = INTS[t.name];
  const bits = size * 8;
  const w = signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
  return BigInt.asIntN(64, w);
}

// src/gtsc/intrinsics.ts
var NONE = { t: VOID, imm: 0n };
function args(call, n, max = n) {
  if (call.arguments.length < n || call.arguments.length > max) {
    fail(call, `'${call.expression.getText()}' takes ${n === max ? n : `${n} to ${max}`} argument(s)`);
  }
  return call.arguments;
}
function raw(api, text, operands, result) {
  const uses = operands.map((e) => api.reg(api.expr(e)));
  const d = result ? api.temp() : void 0;
  api.emit({ op: "raw", text, d, uses });
  return d === void 0 ? NONE : { t: U64, r: d };
}
function fixed(text, result = false) {
  return (api, call) => raw(api, text, args(call, 0), result);
}
function csrNumber(api, e) {
  if (ts2.isStringLiteral(e)) {
    const n = CSR_NUMBERS[e.text];
    if (n === void 0) fail(e, `unknown CSR '${e.text}'`);
    return n;
  }
  const v = api.constValue(e);
  if (v === void 0 || v < 0n || v > 0xfffn) fail(e, "a CSR must be a name or a constant number 0..0xfff");
  return Number(v);
}
function csrOp(mnemonic, result) {
  return (api, call) => {
    const [c, v] = args(call, 2);
    const csr = `0x${csrNumber(api, c).toString(16)}`;
    const k = api.constValue(v);
    const d = result ? api.temp() : void 0;
    const rd = result ? "{d}" : "zero";
    if (k !== void 0 && k >= 0n && k < 32n) {
      api.emit({ op: "raw", text: `${mnemonic}i ${rd}, ${csr}, ${k}`, d, uses: [] });
    } else {
      api.emit({ op: "raw", text: `${mnemonic} ${rd}, ${csr}, {0}`, d, uses: [api.reg(api.expr(v))] });
    }
    return d === void 0 ? NONE : { t: U64, r: d };
  };
}
function load(size, signed) {
  return (api, call) => {
    const [a] = args(call, 1);
    const { base, off } = api.address(a);
    const d = api.temp();
    api.emit({ op: "ld", size, signed, d, a: base, off });
    return { t: intType(signed ? ["i8", "i16", "i32", "i64"][Math.log2(size)] : ["u8", "u16", "u32", "u64"][Math.log2(size)]), r: d };
  };
}
function store(size) {
  return (api, call) => {
    const [a, v] = args(call, 2);
    const { base, off } = api.address(a);
    const b = api.reg(api.expr(v));
    api.emit({ op: "st", size, a: base, b, off });
    return NONE;
  };
}
function amo(name, width) {
  return (api, call) => raw(api, `${name}.${width}.aqrl {d}, {1}, ({0})`, args(call, 2), true);
}
function uipi(funct7, operand, result) {
  return (api, call) => {
    const ops = args(call, operand ? 1 : 0);
    return raw(api, `.insn r 0x7B, 6, ${funct7}, ${result ? "{d}" : "x0"}, ${operand ? "{0}" : "x0"}, x0`, ops, result);
  };
}
function cast(name) {
  return (api, call) => {
    const [v] = args(call, 1);
    return api.convert(api.expr(v), intType(INT_ALIASES[name]));
  };
}
function relabel(to) {
  return (api, call) => {
    const [v] = args(call, 1);
    const x = api.expr(v);
    return x.r !== void 0 ? { t: to(api, call), r: x.r } : { t: to(api, call), imm: x.imm };
  };
}
var ECALL_REGS = [17, 10, 11, 12, 13, 14, 15];
var table = {
  ptr: relabel((api, call) => ({ k: "ptr", to: api.typeArg(call, 0) ?? intType("u8") })),
  cstr: relabel(() => PTR_U8),
  fnaddr: relabel(() => U64),
  sizeof: (api, call) => {
    const t = api.typeArg(call, 0);
    if (!t) fail(call, "sizeof needs a type argument: sizeof<T>()");
    return { t: I64, imm: BigInt(sizeOfType(t)) };
  },
  zeroed: (_api, call) => fail(call, "zeroed() may only initialise a variable of array or struct type"),
  table: (_api, call) => fail(call, "table() may only initialise a module-level variable"),
  offsetof: (api, call) => {
    const t = api.typeArg(call, 0);
    const [f] = args(call, 1);
    if (!t || t.k !== "struct") fail(call, "offsetof needs a struct type argument: offsetof<S>('field')");
    if (!ts2.isStringLiteral(f)) fail(f, "offsetof needs a field name as a string literal");
    const field = t.s.fields.find((x) => x.name === f.text);
    if (!field) fail(f, `struct ${t.s.name} has no field '${f.text}'`);
    return { t: I64, imm: BigInt(field.offset) };
  },
  load8: load(1, false),
  load16: load(2, false),
  load32: load(4, false),
  load64: load(8, false),
  loadS8: load(1, true),
  loadS16: load(2, true),
  loadS32: load(4, true),
  store8: store(1),
  store16: store(2),
  store32: store(4),
  store64: store(8),
  csr_read: (api, call) => {
    const [c] = args(call, 1);
    const d = api.temp();
    api.emit({ op: "raw", text: `csrrs {d}, 0x${csrNumber(api, c).toString(16)}, zero`, d, uses: [] });
    return { t: U64, r: d };
  },
  csr_write: csrOp("csrrw", false),
  csr_set: csrOp("csrrs", false),
  csr_clear: csrOp("csrrc", false),
  csr_swap: csrOp("csrrw", true),
  rdcycle: fixed("csrrs {d}, 0xc00, zero", true),
  rdtime: fixed("csrrs {d}, 0xc01, zero", true),
  rdinstret: fixed("csrrs {d}, 0xc02, zero", true),
  ecall: (api, call) => {
    const a = args(call, 1, 7);
    const regs = a.map((e) => api.reg(api.expr(e)));
    const d = api.temp();
    api.emit({ op: "call", target: "ecall", args: regs, argRegs: ECALL_REGS.slice(0, regs.length), d });
    return { t: U64, r: d };
  },
  ebreak: fixed("ebreak"),
  wfi: fixed("wfi"),
  fence: fixed("fence"),
  fence_i: fixed("fence.i"),
  sfence_vma: (api, call) => {
    const a = args(call, 0, 2);
    const text = ["sfence.vma", "sfence.vma {0}", "sfence.vma {0}, {1}"][a.length];
    return raw(api, text, a, false);
  },
  mret: fixed("mret"),
  sret: fixed("sret"),
  uret: fixed(".insn i 0x73, 0, x0, x0, 0x002"),
  lr_d: (api, call) => raw(api, "lr.d.aq {d}, ({0})", args(call, 1), true),
  lr_w: (api, call) => raw(api, "lr.w.aq {d}, ({0})", args(call, 1), true),
  sc_d: (api, call) => raw(api, "sc.d.rl {d}, {1}, ({0})", args(call, 2), true),
  sc_w: (api, call) => raw(api, "sc.w.rl {d}, {1}, ({0})", args(call, 2), true),
  uipi_send: uipi(0, true, false),
  uipi_read: uipi(1, false, true),
  uipi_write: uipi(2, true, false),
  uipi_activate: uipi(3, false, false),
  uipi_deactivate: uipi(4, false, false),
  asm: (api, call) => {
    const [t, ...rest] = call.arguments;
    if (!t || !(ts2.isStringLiteral(t) || ts2.isNoSubstitutionTemplateLiteral(t))) fail(call, "asm() needs a string literal template");
    return raw(api, t.text, rest, /\{d\}/.test(t.text));
  }
};
for (const op of ["add", "swap", "and", "or", "xor", "max", "min", "maxu", "minu"]) {
  table[`amo${op}_d`] = amo(`amo${op}`, "d");
  table[`amo${op}_w`] = amo(`amo${op}`, "w");
}
for (const name of Object.keys(INT_ALIASES)) if (name !== "number" && name !== "boolean") table[name] = cast(name);
function sizeOfType(t) {
  switch (t.k) {
    case "int":
      return { u8: 1, i8: 1, bool: 1, u16: 2, i16: 2, u32: 4, i32: 4, u64: 8, i64: 8 }[t.name];
    case "ptr":
    case "fn":
      return 8;
    case "arr":
      return t.n * sizeOfType(t.of);
    case "struct":
      return t.s.size;
    case "void":
      return 0;
  }
}
var INTRINSICS = table;

// src/gtsc/program.ts
var BUILTIN_TYPES = /* @__PURE__ */ new Set([...Object.keys(INT_ALIASES).filter((k) => k !== "number" && k !== "boolean"), "Ptr", "Arr"]);
function moduleName(file) {
  return normalize(file.replace(/\.(d\.)?[cm]?[jt]s$/, ""));
}
function normalize(path) {
  const out = [];
  for (const p of path.split("/")) {
    if (p === "." || p === "") continue;
    if (p === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(p);
  }
  return (path.startsWith("/") ? "/" : "") + out.join("/");
}
function hasModifier(node, kind) {
  return ts3.canHaveModifiers(node) && (ts3.getModifiers(node) ?? []).some((m) => m.kind === kind);
}
var Program = class {
  constructor(files, guestModule) {
    this.guestModule = guestModule;
    for (const f of files) {
      const sf = ts3.createSourceFile(f.name, f.text, ts3.ScriptTarget.ES2022, true, ts3.ScriptKind.TS);
      const mod = { name: moduleName(f.name), sf, scope: /* @__PURE__ */ new Map(), exported: /* @__PURE__ */ new Set() };
      this.modules.set(mod.name, mod);
    }
  }
  guestModule;
  modules = /* @__PURE__ */ new Map();
  /** Pass 1: record every top-level declaration. Errors are returned, not thrown. */
  collect(errors) {
    for (const mod of this.modules.values()) {
      for (const st of mod.sf.statements) {
        try {
          this.collectStatement(mod, st);
        } catch (e) {
          errors.push(String(e.message));
        }
      }
      for (const d of mod.sf.parseDiagnostics ?? []) {
        const pos2 = d.start !== void 0 ? mod.sf.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
        errors.push(`${mod.sf.fileName}:${pos2.line + 1}:${pos2.character + 1}: ${ts3.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      }
    }
  }
  define(mod, name, sym, node, exported) {
    if (mod.scope.has(name)) fail(node, `'${name}' is declared twice`);
    mod.scope.set(name, sym);
    if (exported) mod.exported.add(name);
  }
  collectStatement(mod, st) {
    const exported = hasModifier(st, ts3.SyntaxKind.ExportKeyword);
    if (ts3.isImportDeclaration(st)) return this.collectImport(mod, st);
    if (ts3.isInterfaceDeclaration(st) || ts3.isTypeAliasDeclaration(st)) {
      return this.define(mod, st.name.text, { k: "type", node: st, mod }, st, exported);
    }
    if (ts3.isFunctionDeclaration(st)) {
      if (!st.name) fail(st, "a function needs a name");
      const prev = mod.scope.get(st.name.text);
      if (prev && prev.k === "func" && (!prev.node.body || !st.body)) {
        if (st.body) prev.node = st;
        return;
      }
      return this.define(mod, st.name.text, { k: "func", sym: st.name.text, node: st, mod }, st, exported);
    }
    if (ts3.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & ts3.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        if (!ts3.isIdentifier(d.name)) fail(d, "destructuring is not supported in guest code");
        const name = d.name.text;
        const sym = isConst && d.initializer && !d.type && isConstCandidate(d.initializer) ? { k: "pendingConst", node: d, mod, busy: false } : this.globalSym(mod, d, name, isConst);
        this.define(mod, name, sym, d, exported);
      }
      return;
    }
    if (ts3.isExportDeclaration(st) || ts3.isEmptyStatement(st)) {
      if (ts3.isExportDeclaration(st) && st.exportClause && ts3.isNamedExports(st.exportClause) && !st.moduleSpecifier) {
        for (const e of st.exportClause.elements) mod.exported.add((e.propertyName ?? e.name).text);
        return;
      }
      if (ts3.isEmptyStatement(st)) return;
    }
    if (ts3.isModuleDeclaration(st) && ts3.isIdentifier(st.name)) fail(st, "namespaces are not supported in guest code");
    unsupportedNode(st);
  }
  globalSym(mod, d, name, isConst) {
    const init = d.initializer;
    if (init && (ts3.isStringLiteral(init) || ts3.isNoSubstitutionTemplateLiteral(init)) && !d.type) {
      const bytes = new TextEncoder().encode(init.text + "\0");
      return { k: "global", sym: name, mod, node: d, storage: { k: "arr", of: intType("u8"), n: bytes.length }, isAddress: true, str: bytes, readonly: true };
    }
    const g = { k: "global", sym: name, mod, node: d, storage: I64, isAddress: false, readonly: isConst };
    return g;
  }
  collectImport(mod, st) {
    const spec = st.moduleSpecifier.text;
    const clause = st.importClause;
    if (!clause) return;
    if (clause.name) fail(clause, "default imports are not supported in guest code");
    const bindings = clause.namedBindings;
    if (!bindings || !ts3.isNamedImports(bindings)) fail(st, "namespace imports are not supported in guest code");
    const base = mod.name.includes("/") ? mod.name.slice(0, mod.name.lastIndexOf("/") + 1) : "";
    const target = spec.startsWith(".") ? moduleName(base + spec) : moduleName(spec);
    const isGuest = !this.modules.has(target) && target.split("/").pop() === this.guestModule;
    for (const el of bindings.elements) {
      const local = el.name.text;
      const remote = (el.propertyName ?? el.name).text;
      if (isGuest) {
        if (INTRINSICS[remote]) this.define(mod, local, { k: "intrinsic", name: remote }, el, false);
        else if (BUILTIN_TYPES.has(remote)) this.define(mod, local, { k: "builtinType", name: remote }, el, false);
        else fail(el, `'${remote}' is not declared by the guest declarations`);
      } else {
        if (!this.modules.has(target)) fail(st.moduleSpecifier, `cannot find guest module '${spec}'`);
        this.define(mod, local, { k: "import", from: target, name: remote, node: el, mod }, el, false);
      }
    }
  }
  /** Look a name up at module level, following imports. */
  lookup(mod, name, at) {
    let sym = mod.scope.get(name);
    let guard2 = 0;
    while (sym && sym.k === "import") {
      const target = this.modules.get(sym.from);
      if (!target.exported.has(sym.name)) fail(sym.node, `module '${sym.from}' does not export '${sym.name}'`);
      sym = target.scope.get(sym.name);
      if (++guard2 > 100) fail(at, `import cycle for '${name}'`);
    }
    if (sym && sym.k === "pendingConst") return this.evalPendingConst(sym);
    if (sym && sym.k === "global" && !sym.str) this.resolveGlobal(sym);
    return sym;
  }
  evalPendingConst(sym) {
    if (sym.busy) fail(sym.node, "constant refers to itself");
    sym.busy = true;
    const v = this.constValue(sym.mod, sym.node.initializer, /* @__PURE__ */ new Map());
    sym.busy = false;
    const name = sym.node.name.text;
    const resolved = v !== void 0 ? { k: "const", value: v, type: I64 } : this.globalSym(sym.mod, sym.node, name, true);
    sym.mod.scope.set(name, resolved);
    if (resolved.k === "global") this.resolveGlobal(resolved);
    return resolved;
  }
  resolvedGlobals = /* @__PURE__ */ new WeakSet();
  resolveGlobal(g) {
    if (g.str || this.resolvedGlobals.has(g)) return;
    this.resolvedGlobals.add(g);
    const d = g.node;
    const zt = zeroedType(d.initializer);
    const tab = tableInit(d.initializer);
    if (tab) {
      if (!tab.type) fail(d.initializer, "table needs its element type: table<T>([...])");
      g.storage = { k: "arr", of: valueType(this.resolveType(g.mod, tab.type)), n: tab.values.length };
      if (tab.values.length === 0) fail(d.initializer, "a table needs at least one element");
    } else if (zt) g.storage = this.resolveType(g.mod, zt);
    else if (d.type) g.storage = this.resolveType(g.mod, d.type);
    else if (d.initializer && ts3.isIdentifier(d.initializer)) {
      const f = this.lookup(g.mod, d.initializer.text, d.initializer);
      if (f && f.k === "func") g.storage = { k: "fn", sig: this.funcSig(f) };
    }
    g.isAddress = g.storage.k === "arr" || g.storage.k === "struct";
  }
  funcSig(f) {
    if (!f.sig) f.sig = this.sigOf(f.mod, f.node);
    return f.sig;
  }
  sigOf(mod, node) {
    const params = node.parameters.map((p) => {
      if (p.dotDotDotToken) fail(p, "rest parameters are not supported in guest code");
      if (p.initializer) fail(p, "default parameter values are not supported in guest code");
      if (!p.type) fail(p, "a parameter needs a type annotation in guest code");
      return valueType(this.resolveType(mod, p.type));
    });
    if (params.length > 8) fail(node, "more than 8 parameters are not supported in guest code");
    const ret = node.type ? valueType(this.resolveType(mod, node.type)) : { k: "void" };
    return { params, ret };
  }
  /** A type annotation as a guest type. */
  resolveType(mod, node) {
    switch (node.kind) {
      case ts3.SyntaxKind.NumberKeyword:
        return I64;
      case ts3.SyntaxKind.BooleanKeyword:
        return intType("bool");
      case ts3.SyntaxKind.VoidKeyword:
        return { k: "void" };
      case ts3.SyntaxKind.StringKeyword:
        return { k: "ptr", to: intType("u8") };
      case ts3.SyntaxKind.NeverKeyword:
        return { k: "void" };
    }
    if (ts3.isParenthesizedTypeNode(node)) return this.resolveType(mod, node.type);
    if (ts3.isFunctionTypeNode(node)) return { k: "fn", sig: this.sigOf(mod, node) };
    if (ts3.isTypeReferenceNode(node) && ts3.isIdentifier(node.typeName)) return this.resolveRef(mod, node);
    if (node.kind === ts3.SyntaxKind.AnyKeyword) unsupportedNode(node);
    return fail(node, `type '${node.getText()}' is not supported in guest code`);
  }
  resolveRef(mod, node) {
    const name = node.typeName.text;
    const sym = this.lookup(mod, name, node);
    const args2 = node.typeArguments ?? [];
    if (sym && sym.k === "intrinsic" && INT_ALIASES[sym.name]) return intType(INT_ALIASES[sym.name]);
    if (sym && sym.k === "builtinType") {
      if (sym.name === "Ptr") {
        if (args2.length !== 1) fail(node, "Ptr<T> needs one type argument");
        return { k: "ptr", to: this.resolveType(mod, args2[0]) };
      }
      if (sym.name === "Arr") {
        if (args2.length !== 2) fail(node, "Arr<T, N> needs two type arguments");
        const nNode = args2[1];
        const n = ts3.isLiteralTypeNode(nNode) && ts3.isNumericLiteral(nNode.literal) ? Number(nNode.literal.text) : NaN;
        if (!Number.isInteger(n) || n <= 0) fail(nNode, "the length of Arr<T, N> must be a positive integer literal");
        return { k: "arr", of: this.resolveType(mod, args2[0]), n };
      }
      return intType(INT_ALIASES[sym.name]);
    }
    if (sym && sym.k === "type") return this.resolveDecl(sym);
    return fail(node, `unknown type '${name}'`);
  }
  resolveDecl(sym) {
    if (sym.resolved) return sym.resolved;
    const node = sym.node;
    if (ts3.isTypeAliasDeclaration(node) && !ts3.isTypeLiteralNode(node.type)) {
      sym.resolved = this.resolveType(sym.mod, node.type);
      return sym.resolved;
    }
    const s = { name: node.name.text, fields: [], size: 0, align: 1, laying: false, laid: false };
    sym.resolved = { k: "struct", s };
    const members = ts3.isInterfaceDeclaration(node) ? node.members : node.type.members;
    if (ts3.isInterfaceDeclaration(node) && node.heritageClauses?.length) fail(node, "interface inheritance is not supported in guest code");
    let off = 0;
    let align = 1;
    s.laying = true;
    for (const m of members) {
      if (!ts3.isPropertySignature(m) || !m.type || !ts3.isIdentifier(m.name)) fail(m, "struct members must be typed fields");
      const t = this.resolveType(sym.mod, m.type);
      if (t.k === "struct" && t.s.laying) fail(m, `struct '${s.name}' contains itself`);
      if (t.k === "void") fail(m, "a field cannot be void");
      const a = alignOf(t);
      off = Math.ceil(off / a) * a;
      s.fields.push({ name: m.name.text, type: t, offset: off });
      off += sizeOf(t);
      align = Math.max(align, a);
    }
    s.laying = false;
    s.laid = true;
    s.align = align;
    s.size = Math.ceil(off / align) * align;
    return sym.resolved;
  }
  /** Value of a constant expression, or undefined when it is not constant. */
  constValue(mod, e, locals) {
    if (ts3.isParenthesizedExpression(e) || ts3.isAsExpression(e) || ts3.isNonNullExpression(e) || ts3.isSatisfiesExpression(e)) {
      return this.constValue(mod, e.expression, locals);
    }
    if (ts3.isNumericLiteral(e)) return parseIntLiteral(e);
    if (e.kind === ts3.SyntaxKind.TrueKeyword) return 1n;
    if (e.kind === ts3.SyntaxKind.FalseKeyword) return 0n;
    if (ts3.isIdentifier(e)) {
      if (locals.has(e.text)) return locals.get(e.text);
      const s = this.lookup(mod, e.text, e);
      return s && s.k === "const" ? s.value : void 0;
    }
    if (ts3.isPrefixUnaryExpression(e)) {
      const v = this.constValue(mod, e.operand, locals);
      if (v === void 0) return void 0;
      switch (e.operator) {
        case ts3.SyntaxKind.MinusToken:
          return BigInt.asIntN(64, -v);
        case ts3.SyntaxKind.PlusToken:
          return v;
        case ts3.SyntaxKind.TildeToken:
          return BigInt.asIntN(64, ~v);
        case ts3.SyntaxKind.ExclamationToken:
          return v === 0n ? 1n : 0n;
      }
      return void 0;
    }
    if (ts3.isBinaryExpression(e)) {
      const a = this.constValue(mod, e.left, locals);
      const b = a === void 0 ? void 0 : this.constValue(mod, e.right, locals);
      if (a === void 0 || b === void 0) return void 0;
      return foldBinary(e.operatorToken.kind, a, b, false);
    }
    if (ts3.isCallExpression(e) && ts3.isIdentifier(e.expression) && e.arguments.length === 1) {
      const s = this.lookup(mod, e.expression.text, e);
      if (s && s.k === "intrinsic" && INT_ALIASES[s.name]) {
        const v = this.constValue(mod, e.arguments[0], locals);
        return v === void 0 ? void 0 : wrapConst(v, intType(INT_ALIASES[s.name]));
      }
    }
    return void 0;
  }
};
function tableInit(init) {
  if (!init || !ts3.isCallExpression(init) || !ts3.isIdentifier(init.expression) || init.expression.text !== "table") return void 0;
  const list = init.arguments[0];
  if (init.arguments.length !== 1 || !list || !ts3.isArrayLiteralExpression(list)) fail(init, "table() takes one array literal");
  return { type: init.typeArguments?.[0], values: list.elements };
}
function zeroedType(init) {
  if (!init || !ts3.isCallExpression(init) || !ts3.isIdentifier(init.expression) || init.expression.text !== "zeroed") return void 0;
  return init.typeArguments?.[0];
}
function isConstCandidate(e) {
  return !ts3.isStringLiteral(e) && !ts3.isNoSubstitutionTemplateLiteral(e);
}
function parseIntLiteral(e) {
  const raw2 = e.getText().replace(/_/g, "");
  if (/^0[xob]/i.test(raw2)) {
    const v2 = BigInt(raw2);
    if (v2 >= 1n << 64n) fail(e, "integer literal does not fit in 64 bits");
    return BigInt.asIntN(64, v2);
  }
  if (/[.eE]/.test(raw2)) fail(e, "a floating-point number is not supported in guest code");
  const v = BigInt(raw2);
  if (v >= 1n << 64n) fail(e, "integer literal does not fit in 64 bits");
  return BigInt.asIntN(64, v);
}
function foldBinary(op, a, b, unsigned) {
  const K2 = ts3.SyntaxKind;
  const ua = BigInt.asUintN(64, a), ub = BigInt.asUintN(64, b);
  const x = unsigned ? ua : a, y = unsigned ? ub : b;
  const r = (v) => BigInt.asIntN(64, v);
  switch (op) {
    case K2.PlusToken:
      return r(a + b);
    case K2.MinusToken:
      return r(a - b);
    case K2.AsteriskToken:
      return r(a * b);
    case K2.SlashToken:
      return y === 0n ? -1n : r(x / y);
    case K2.PercentToken:
      return y === 0n ? a : r(x % y);
    case K2.AmpersandToken:
      return r(a & b);
    case K2.BarToken:
      return r(a | b);
    case K2.CaretToken:
      return r(a ^ b);
    case K2.LessThanLessThanToken:
      return r(a << (ub & 63n));
    case K2.GreaterThanGreaterThanToken:
      return r(a >> (ub & 63n));
    case K2.GreaterThanGreaterThanGreaterThanToken:
      return r(ua >> (ub & 63n));
    case K2.LessThanToken:
      return x < y ? 1n : 0n;
    case K2.LessThanEqualsToken:
      return x <= y ? 1n : 0n;
    case K2.GreaterThanToken:
      return x > y ? 1n : 0n;
    case K2.GreaterThanEqualsToken:
      return x >= y ? 1n : 0n;
    case K2.EqualsEqualsToken:
    case K2.EqualsEqualsEqualsToken:
      return a === b ? 1n : 0n;
    case K2.ExclamationEqualsToken:
    case K2.ExclamationEqualsEqualsToken:
      return a !== b ? 1n : 0n;
    case K2.AmpersandAmpersandToken:
      return a !== 0n && b !== 0n ? 1n : 0n;
    case K2.BarBarToken:
      return a !== 0n || b !== 0n ? 1n : 0n;
  }
  return void 0;
}

// src/gtsc/data.ts
var DIRECTIVE = { 1: ".byte", 2: ".half", 4: ".word", 8: ".dword" };
function asciz(bytes) {
  let s = "";
  for (const b of bytes.subarray(0, bytes.length - 1)) {
    s += b >= 32 && b < 127 && b !== 34 && b !== 92 ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, "0")}`;
  }
  return `	.asciz "${s}"`;
}
var Strings = class {
  constructor(prefix) {
    this.prefix = prefix;
  }
  prefix;
  map = /* @__PURE__ */ new Map();
  label(text) {
    let l = this.map.get(text);
    if (!l) {
      l = `.L${this.prefix}str${this.map.size}`;
      this.map.set(text, l);
    }
    return l;
  }
  emit() {
    if (this.map.size === 0) return [];
    const out = ["	.section .rodata"];
    for (const [text, label] of this.map) out.push(`${label}:`, asciz(new TextEncoder().encode(text + "\0")));
    return out;
  }
};
function header(g, exported, align, _size) {
  return [
    ...exported ? [`	.globl ${g.sym}`] : [],
    `	.align ${Math.log2(align)}`,
    `${g.sym}:`
  ];
}
function emitGlobal(prog, g, exported, strings) {
  if (g.str) return { section: ".rodata", lines: [...header(g, exported, 1, g.str.length), asciz(g.str)] };
  const t = g.storage;
  const size = sizeOf(t);
  const align = Math.max(alignOf(t), 1);
  const init = g.node.initializer;
  const tab = tableInit(init);
  if (tab && t.k === "arr") return { section: g.readonly ? ".rodata" : ".data", lines: [...header(g, exported, align, size), ...tableLines(prog, g, t.of, tab.values, strings)] };
  const isZeroed = !init || ts4.isCallExpression(init) && ts4.isIdentifier(init.expression) && init.expression.text === "zeroed";
  if (g.isAddress && !isZeroed) fail(init, "an array or struct variable must be initialised with zeroed()");
  if (isZeroed) return { section: ".bss", lines: [...header(g, exported, align, size), `	.zero ${size}`] };
  if (t.k === "fn" && ts4.isIdentifier(init)) {
    const f = prog.lookup(g.mod, init.text, init);
    if (f && f.k === "func") return { section: g.readonly ? ".rodata" : ".data", lines: [...header(g, exported, 8, 8), `	.dword ${f.sym}`] };
  }
  const v = prog.constValue(g.mod, init, /* @__PURE__ */ new Map());
  if (v === void 0) fail(init, "a module-level variable needs a constant initialiser");
  const dir = DIRECTIVE[size];
  if (!dir) fail(init, "unsupported initialised variable type");
  const bits = BigInt(size * 8);
  const u = BigInt.asUintN(Number(bits), v);
  if (v === 0n && !g.readonly) return { section: ".bss", lines: [...header(g, exported, align, size), `	.zero ${size}`] };
  return { section: g.readonly ? ".rodata" : ".data", lines: [...header(g, exported, align, size), `	${dir} 0x${u.toString(16)}`] };
}
function tableLines(prog, g, elem, values, strings) {
  if (elem.k === "struct" || elem.k === "arr" || elem.k === "void") fail(g.node, "table elements must be integers, pointers or functions");
  const size = sizeOf(elem);
  const dir = DIRECTIVE[size];
  return values.map((v) => {
    if (ts4.isStringLiteral(v) || ts4.isNoSubstitutionTemplateLiteral(v)) return `	.dword ${strings.label(v.text)}`;
    if (ts4.isIdentifier(v)) {
      const f = prog.lookup(g.mod, v.text, v);
      if (f && f.k === "func") return `	.dword ${f.sym}`;
      if (f && f.k === "global") return `	.dword ${f.sym}`;
    }
    const k = prog.constValue(g.mod, v, /* @__PURE__ */ new Map());
    if (k === void 0) fail(v, "a table element must be a constant, a function name or a string literal");
    return `	${dir} 0x${BigInt.asUintN(size * 8, k).toString(16)}`;
  });
}

// src/gtsc/ir.ts
function insDefs(i) {
  switch (i.op) {
    case "st":
      return void 0;
    case "call":
    case "raw":
      return i.d;
    default:
      return i.d;
  }
}
function insUses(i) {
  switch (i.op) {
    case "li":
    case "la":
    case "frame":
      return [];
    case "mv":
    case "alui":
    case "unary":
    case "ld":
      return [i.a];
    case "alu":
    case "st":
      return [i.a, i.b];
    case "call":
      return typeof i.target === "number" ? [...i.args, i.target] : i.args;
    case "raw":
      return i.uses;
  }
}
function termUses(t) {
  if (t.op === "br") return [t.a, t.b];
  if (t.op === "ret" && t.a !== void 0) return [t.a];
  return [];
}
function successors(t) {
  if (t.op === "j") return [t.t];
  if (t.op === "br") return [t.t, t.f];
  return [];
}

// src/gtsc/regalloc.ts
var TEMP_REGS = [5, 6, 7, 28, 29, 17, 16, 15, 14, 13, 12, 11, 10];
var SAVED_REGS = [9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 8];
var SCRATCH = [30, 31];
var ALL_REGS = [...TEMP_REGS, ...SAVED_REGS];
var IS_SAVED = Uint8Array.from({ length: 32 }, (_, r) => SAVED_REGS.includes(r) ? 1 : 0);
var IS_ALLOCATABLE = Uint8Array.from({ length: 32 }, (_, r) => ALL_REGS.includes(r) ? 1 : 0);
function liveness(fn) {
  const n = fn.blocks.length;
  const use = [];
  const def = [];
  for (const b of fn.blocks) {
    const u = /* @__PURE__ */ new Set();
    const d = /* @__PURE__ */ new Set();
    for (const i of b.ins) {
      for (const r of insUses(i)) if (!d.has(r)) u.add(r);
      const w = insDefs(i);
      if (w !== void 0) d.add(w);
    }
    for (const r of termUses(b.term)) if (!d.has(r)) u.add(r);
    use.push(u);
    def.push(d);
  }
  const liveIn = Array.from({ length: n }, () => /* @__PURE__ */ new Set());
  const liveOut = Array.from({ length: n }, () => /* @__PURE__ */ new Set());
  let changed = true;
  while (changed) {
    changed = false;
    for (let k = n - 1; k >= 0; k--) {
      const out = liveOut[k];
      for (const s of successors(fn.blocks[k].term)) {
        for (const r of liveIn[s]) if (!out.has(r)) {
          out.add(r);
          changed = true;
        }
      }
      const inn = liveIn[k];
      for (const r of use[k]) if (!inn.has(r)) {
        inn.add(r);
        changed = true;
      }
      for (const r of out) if (!def[k].has(r) && !inn.has(r)) {
        inn.add(r);
        changed = true;
      }
    }
  }
  return { liveIn, liveOut };
}
function acrossCalls(fn, liveOut) {
  const across = /* @__PURE__ */ new Set();
  fn.blocks.forEach((b, k) => {
    const live = new Set(liveOut[k]);
    for (const r of termUses(b.term)) live.add(r);
    for (let n = b.ins.length - 1; n >= 0; n--) {
      const i = b.ins[n];
      const d = insDefs(i);
      if (d !== void 0) live.delete(d);
      if (i.op === "call") for (const r of live) across.add(r);
      for (const r of insUses(i)) live.add(r);
    }
  });
  return across;
}
function buildIntervals(fn, calls) {
  const { liveIn, liveOut } = liveness(fn);
  const across = acrossCalls(fn, liveOut);
  const iv = /* @__PURE__ */ new Map();
  const touch = (v, pos2) => {
    if (v === 0) return;
    const it = iv.get(v);
    if (!it) iv.set(v, { v, start: pos2, end: pos2, crosses: false });
    else {
      if (pos2 < it.start) it.start = pos2;
      if (pos2 > it.end) it.end = pos2;
    }
  };
  let n = 0;
  fn.params.forEach((p) => touch(p, -1));
  fn.blocks.forEach((b, k) => {
    const first = 2 * n;
    for (const i of b.ins) {
      for (const r of insUses(i)) touch(r, 2 * n);
      const d = insDefs(i);
      if (d !== void 0) touch(d, 2 * n + 1);
      if (i.op === "call") calls.push(2 * n);
      n++;
    }
    for (const r of termUses(b.term)) touch(r, 2 * n);
    const last = 2 * n + 1;
    n++;
    for (const r of liveIn[k]) touch(r, first);
    for (const r of liveOut[k]) touch(r, last);
  });
  const list = [...iv.values()];
  for (const it of list) it.crosses = across.has(it.v);
  return list.sort((a, b) => a.start - b.start || a.v - b.v);
}
function collectHints(fn) {
  const phys = new Map(fn.hints);
  const moves = /* @__PURE__ */ new Map();
  for (const b of fn.blocks) {
    for (const i of b.ins) {
      if (i.op === "mv") {
        moves.set(i.d, i.a);
        if (!moves.has(i.a)) moves.set(i.a, i.d);
      }
      if (i.op === "call") {
        i.args.forEach((a, k) => {
          if (!phys.has(a)) phys.set(a, i.argRegs[k]);
        });
        if (i.d !== void 0 && !phys.has(i.d)) phys.set(i.d, 10);
      }
    }
    if (b.term.op === "ret" && b.term.a !== void 0 && !phys.has(b.term.a)) phys.set(b.term.a, 10);
  }
  return { phys, moves };
}
function allocate(fn) {
  const calls = [];
  const intervals = buildIntervals(fn, calls);
  const { phys, moves } = collectHints(fn);
  const loc = /* @__PURE__ */ new Map();
  const active = [];
  const regOf = /* @__PURE__ */ new Map();
  const usedSaved = /* @__PURE__ */ new Set();
  let spillSlots = 0;
  const busy = new Uint8Array(32);
  for (const cur of intervals) {
    for (let k = active.length - 1; k >= 0; k--) {
      const a = active[k];
      if (a.end < cur.start) {
        busy[regOf.get(a.v)] = 0;
        active.splice(k, 1);
      }
    }
    const pool = cur.crosses ? SAVED_REGS : ALL_REGS;
    const inPool = cur.crosses ? IS_SAVED : IS_ALLOCATABLE;
    let reg;
    const mv = moves.get(cur.v);
    const hm = mv !== void 0 ? regOf.get(mv) : void 0;
    const hp = phys.get(cur.v);
    if (hm !== void 0 && inPool[hm] && !busy[hm]) reg = hm;
    else if (hp !== void 0 && inPool[hp] && !busy[hp]) reg = hp;
    else reg = pool.find((r) => !busy[r]);
    if (reg === void 0) {
      let victim;
      for (const a of active) if (inPool[regOf.get(a.v)] && (!victim || a.end > victim.end)) victim = a;
      if (victim && victim.end > cur.end) {
        reg = regOf.get(victim.v);
        regOf.delete(victim.v);
        loc.set(victim.v, { spill: spillSlots++ });
        active.splice(active.indexOf(victim), 1);
      } else {
        loc.set(cur.v, { spill: spillSlots++ });
        continue;
      }
    }
    regOf.set(cur.v, reg);
    loc.set(cur.v, { reg });
    busy[reg] = 1;
    if (IS_SAVED[reg]) usedSaved.add(reg);
    active.push(cur);
  }
  return { loc, spillSlots, usedSaved: SAVED_REGS.filter((r) => usedSaved.has(r)), hasCalls: calls.length > 0 };
}

// src/gtsc/emit.ts
var REG_NAMES = [
  "zero",
  "ra",
  "sp",
  "gp",
  "tp",
  "t0",
  "t1",
  "t2",
  "s0",
  "s1",
  "a0",
  "a1",
  "a2",
  "a3",
  "a4",
  "a5",
  "a6",
  "a7",
  "s2",
  "s3",
  "s4",
  "s5",
  "s6",
  "s7",
  "s8",
  "s9",
  "s10",
  "s11",
  "t3",
  "t4",
  "t5",
  "t6"
];
var INVERT = { eq: "ne", ne: "eq", lt: "ge", ge: "lt", ltu: "geu", geu: "ltu" };
var LOAD = { 1: ["lbu", "lb"], 2: ["lhu", "lh"], 4: ["lwu", "lw"], 8: ["ld", "ld"] };
var STORE = { 1: "sb", 2: "sh", 4: "sw", 8: "sd" };
function alignUp(x, a) {
  return Math.ceil(x / a) * a;
}
function layoutFrame(fn, al) {
  const saved = [...al.hasCalls ? [1] : [], ...al.usedSaved];
  let off = al.spillSlots * 8;
  const slotOff = fn.slots.map((s) => {
    off = alignUp(off, Math.max(s.align, 1));
    const o = off;
    off += s.size;
    return o;
  });
  const body = alignUp(off, 16);
  const saveArea = alignUp(saved.length * 8, 16);
  const size = body + saveArea;
  const saves = saved.map((reg, k) => ({ reg, off: body + saveArea - 8 * (k + 1) }));
  return { size, saveArea, saves, slotOff };
}
function fitsImm12(v) {
  return v >= -2048 && v <= 2047;
}
var Emitter = class {
  constructor(fn, al) {
    this.fn = fn;
    this.al = al;
    this.frame = layoutFrame(fn, al);
    this.far = estimateBytes(fn) > 3e3;
  }
  fn;
  al;
  out = [];
  frame;
  far;
  line(s) {
    this.out.push("	" + s);
  }
  label(b) {
    return `.L${this.fn.name}_${b}`;
  }
  loc(v) {
    if (v === 0) return { reg: 0 };
    const l = this.al.loc.get(v);
    if (!l) throw new RvnError(`gtsc internal error: v${v} has no location in ${this.fn.name}`);
    return l;
  }
  /** sp-relative address text, using t6 when the offset does not fit an immediate. */
  spRef(off, tmp = "t6") {
    if (fitsImm12(off)) return `${off}(sp)`;
    this.line(`li ${tmp}, ${off}`);
    this.line(`add ${tmp}, sp, ${tmp}`);
    return `0(${tmp})`;
  }
  use(v, k) {
    const l = this.loc(v);
    if ("reg" in l) return REG_NAMES[l.reg];
    if (k >= SCRATCH.length) throw new RvnError(`gtsc: too many spilled operands in ${this.fn.name}`);
    const s = REG_NAMES[SCRATCH[k]];
    this.line(`ld ${s}, ${this.spRef(l.spill * 8, s)}`);
    return s;
  }
  /** Register to write a result to, and a function that stores it if the value is spilled. */
  def(v) {
    const l = this.loc(v);
    if ("reg" in l) return [REG_NAMES[l.reg], () => {
    }];
    const s = REG_NAMES[SCRATCH[0]];
    return [s, () => this.line(`sd ${s}, ${this.spRef(l.spill * 8)}`)];
  }
  /** Bytes moved by `sub` after the register saves (0 when one `addi` covers the frame). */
  get shift() {
    const { size, saveArea } = this.frame;
    return size <= 2032 ? 0 : size - saveArea;
  }
  prologue() {
    const { size, saveArea, saves } = this.frame;
    if (size === 0) return;
    const shift = this.shift;
    this.line(`addi sp, sp, -${shift === 0 ? size : saveArea}`);
    for (const s of saves) this.line(`sd ${REG_NAMES[s.reg]}, ${s.off - shift}(sp)`);
    if (shift > 0) this.adjustSp(-shift);
  }
  adjustSp(delta) {
    if (fitsImm12(delta)) this.line(`addi sp, sp, ${delta}`);
    else {
      this.line(`li t5, ${delta}`);
      this.line("add sp, sp, t5");
    }
  }
  epilogue() {
    const { size, saveArea, saves } = this.frame;
    if (size === 0) return;
    const shift = this.shift;
    if (shift > 0) this.adjustSp(shift);
    for (const s of saves) this.line(`ld ${REG_NAMES[s.reg]}, ${s.off - shift}(sp)`);
    this.line(`addi sp, sp, ${shift === 0 ? size : saveArea}`);
  }
  /** Parallel move of machine registers; t5 breaks cycles. */
  parallelMove(moves) {
    let pending = moves.filter((m) => m.dst !== m.src);
    while (pending.length > 0) {
      const ready = pending.find((m) => !pending.some((o) => o !== m && o.src === m.dst));
      if (ready) {
        this.line(`mv ${REG_NAMES[ready.dst]}, ${REG_NAMES[ready.src]}`);
        pending = pending.filter((m) => m !== ready);
      } else {
        const m = pending[0];
        this.line(`mv t5, ${REG_NAMES[m.src]}`);
        const old = m.src;
        pending = pending.map((o) => o.src === old ? { dst: o.dst, src: 30 } : o);
      }
      pending = pending.filter((m) => m.dst !== m.src);
    }
  }
  /** Place values (virtual registers) into machine registers, all at once. */
  placeArgs(args2, dsts) {
    const regMoves = [];
    const loads = [];
    args2.forEach((a, k) => {
      const l = this.loc(a);
      if ("reg" in l) regMoves.push({ dst: dsts[k], src: l.reg });
      else loads.push({ dst: dsts[k], spill: l.spill });
    });
    this.parallelMove(regMoves);
    for (const l of loads) this.line(`ld ${REG_NAMES[l.dst]}, ${this.spRef(l.spill * 8)}`);
  }
  entry() {
    const moves = [];
    this.fn.params.forEach((p, k) => {
      const l = this.al.loc.get(p);
      if (!l) return;
      if ("reg" in l) moves.push({ dst: l.reg, src: 10 + k });
      else this.line(`sd a${k}, ${this.spRef(l.spill * 8)}`);
    });
    this.parallelMove(moves);
  }
  ins(i) {
    switch (i.op) {
      case "li": {
        const [d, fin] = this.def(i.d);
        this.line(`li ${d}, ${i.imm}`);
        fin();
        return;
      }
      case "la": {
        const [d, fin] = this.def(i.d);
        this.line(`la ${d}, ${i.sym}`);
        fin();
        return;
      }
      case "mv": {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        if (a !== d) this.line(`mv ${d}, ${a}`);
        fin();
        return;
      }
      case "alu": {
        const a = this.use(i.a, 0), b = this.use(i.b, 1);
        const [d, fin] = this.def(i.d);
        this.line(`${i.fn} ${d}, ${a}, ${b}`);
        fin();
        return;
      }
      case "alui": {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        if (!(i.fn === "addi" && i.imm === 0 && a === d)) this.line(`${i.fn} ${d}, ${a}, ${i.imm}`);
        fin();
        return;
      }
      case "unary": {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        this.line(`${i.fn} ${d}, ${a}`);
        fin();
        return;
      }
      case "ld": {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        this.line(`${LOAD[i.size][i.signed ? 1 : 0]} ${d}, ${i.off}(${a})`);
        fin();
        return;
      }
      case "st": {
        const a = this.use(i.a, 0), b = this.use(i.b, 1);
        this.line(`${STORE[i.size]} ${b}, ${i.off}(${a})`);
        return;
      }
      case "frame": {
        const [d, fin] = this.def(i.d);
        const off = this.frame.slotOff[i.slot];
        if (fitsImm12(off)) this.line(`addi ${d}, sp, ${off}`);
        else {
          this.line(`li ${d}, ${off}`);
          this.line(`add ${d}, sp, ${d}`);
        }
        fin();
        return;
      }
      case "call":
        return this.call(i);
      case "raw":
        return this.raw(i);
    }
  }
  call(i) {
    if (typeof i.target === "number") {
      const l = this.loc(i.target);
      if ("reg" in l) this.line(`mv t6, ${REG_NAMES[l.reg]}`);
      else this.line(`ld t6, ${this.spRef(l.spill * 8)}`);
    }
    this.placeArgs(i.args, i.argRegs);
    if (i.target === "ecall") this.line("ecall");
    else if (typeof i.target === "number") this.line("jalr t6");
    else this.line(`call ${i.target}`);
    if (i.d !== void 0) {
      const [d, fin] = this.def(i.d);
      if (d !== "a0") this.line(`mv ${d}, a0`);
      fin();
    }
  }
  raw(i) {
    const ops = i.uses.map((u, k) => this.use(u, k));
    let dName = "";
    let fin = () => {
    };
    if (i.d !== void 0) [dName, fin] = this.def(i.d);
    const text = i.text.replace(/\{(d|\d+)\}/g, (_m, g) => g === "d" ? dName : ops[Number(g)] ?? "?");
    for (const l of text.split("\n")) this.line(l.trim());
    fin();
  }
  term(t, next) {
    switch (t.op) {
      case "none":
        return;
      case "j":
        if (t.t !== next) this.line(`j ${this.label(t.t)}`);
        return;
      case "ret": {
        if (t.a !== void 0) {
          const l = this.loc(t.a);
          if ("reg" in l) {
            if (l.reg !== 10) this.line(`mv a0, ${REG_NAMES[l.reg]}`);
          } else this.line(`ld a0, ${this.spRef(l.spill * 8)}`);
        }
        this.epilogue();
        this.line("ret");
        return;
      }
      case "br": {
        const a = this.use(t.a, 0), b = this.use(t.b, 1);
        let cmp = t.cmp, target = t.t, other = t.f;
        if (t.t === next) {
          cmp = INVERT[cmp];
          target = t.f;
          other = void 0;
        } else if (t.f === next) other = void 0;
        if (this.far) {
          const skip = `.L${this.fn.name}_far${this.out.length}`;
          this.line(`b${INVERT[cmp]} ${a}, ${b}, ${skip}`);
          this.line(`j ${this.label(target)}`);
          this.out.push(`${skip}:`);
        } else {
          this.line(`b${cmp} ${a}, ${b}, ${this.label(target)}`);
        }
        if (other !== void 0) this.line(`j ${this.label(other)}`);
        return;
      }
    }
  }
  block(b, next, referenced) {
    if (referenced.has(b.id)) this.out.push(`${this.label(b.id)}:`);
    for (const i of b.ins) this.ins(i);
    this.term(b.term, next);
  }
};
function estimateBytes(fn) {
  let n = 0;
  for (const b of fn.blocks) {
    for (const i of b.ins) n += i.op === "li" ? 8 : i.op === "call" ? i.args.length + 4 : i.op === "raw" ? 6 : 3;
    n += 4;
  }
  return n * 4;
}
function referencedBlocks(fn) {
  const s = /* @__PURE__ */ new Set();
  fn.blocks.forEach((b, k) => {
    const t = b.term;
    if (t.op === "j" && t.t !== k + 1) s.add(t.t);
    if (t.op === "br") {
      s.add(t.t);
      s.add(t.f);
    }
  });
  return s;
}
function emitFunction(fn, al) {
  const e = new Emitter(fn, al);
  const head = [
    ...fn.global ? [`	.globl ${fn.name}`] : [],
    "	.align 2",
    `${fn.name}:`
  ];
  e.prologue();
  e.entry();
  const refs = referencedBlocks(fn);
  fn.blocks.forEach((b, k) => e.block(b, k + 1 < fn.blocks.length ? k + 1 : void 0, refs));
  return [...head, ...e.out, ""].join("\n");
}

// src/gtsc/lower.ts
import ts5 from "typescript";

// src/gtsc/magic.ts
var TWO64 = 1n << 64n;
function unsignedMagic(d) {
  const l = d.toString(2).length;
  for (let s = 0; s <= l; s++) {
    const m2 = ((1n << BigInt(64 + s)) + d - 1n) / d;
    if (m2 < TWO64 && m2 * d - (1n << BigInt(64 + s)) <= 1n << BigInt(s)) return { m: m2, shift: s, add: false };
  }
  const m = TWO64 * ((1n << BigInt(l)) - d) / d + 1n;
  return { m, shift: l, add: true };
}
function signedMagic(d) {
  const two63 = 1n << 63n;
  const ad = d < 0n ? -d : d;
  const t = two63 + (BigInt.asUintN(64, d) >> 63n);
  const anc = t - 1n - t % ad;
  let p = 63n;
  let q1 = two63 / anc, r1 = two63 - q1 * anc;
  let q2 = two63 / ad, r2 = two63 - q2 * ad;
  let delta;
  do {
    p++;
    q1 *= 2n;
    r1 *= 2n;
    if (r1 >= anc) {
      q1++;
      r1 -= anc;
    }
    q2 *= 2n;
    r2 *= 2n;
    if (r2 >= ad) {
      q2++;
      r2 -= ad;
    }
    delta = ad - r2;
  } while (q1 < delta || q1 === delta && r1 === 0n);
  let m = BigInt.asIntN(64, q2 + 1n);
  if (d < 0n) m = -m;
  return { m: BigInt.asIntN(64, m), shift: Number(p - 64n) };
}

// src/gtsc/arith.ts
var fits12 = (v) => v >= -2048n && v <= 2047n;
var wrap = (v) => BigInt.asIntN(64, v);
function log2(v) {
  if (v <= 0n || (v & v - 1n) !== 0n) return -1;
  return v.toString(2).length - 1;
}
function fold(op, a, b, unsigned) {
  const ua = BigInt.asUintN(64, a), ub = BigInt.asUintN(64, b), sh = ub & 63n;
  switch (op) {
    case "+":
      return wrap(a + b);
    case "-":
      return wrap(a - b);
    case "*":
      return wrap(a * b);
    case "/":
      return b === 0n ? -1n : wrap(unsigned ? ua / ub : a / b);
    case "%":
      return b === 0n ? a : wrap(unsigned ? ua % ub : a % b);
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    case "<<":
      return wrap(a << sh);
    case ">>":
      return a >> sh;
    case ">>>":
      return wrap(ua >> sh);
  }
}
var REG_OP = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "%": "rem",
  "&": "and",
  "|": "or",
  "^": "xor",
  "<<": "sll",
  ">>": "sra",
  ">>>": "srl"
};
var IMM_OP = {
  "+": "addi",
  "&": "andi",
  "|": "ori",
  "^": "xori",
  "<<": "slli",
  ">>": "srai",
  ">>>": "srli"
};
var COMMUTES = /* @__PURE__ */ new Set(["+", "*", "&", "|", "^"]);
function arith(s, op, a, b, unsigned) {
  const t = unsigned ? U64 : I64;
  if (a.r === void 0 && b.r === void 0) return { t, imm: fold(op, a.imm, b.imm, unsigned) };
  if (a.r === void 0 && COMMUTES.has(op)) [a, b] = [b, a];
  const ra = () => s.reg(a);
  const alu = (fn2, x, y) => {
    const d = s.temp();
    s.emit({ op: "alu", fn: fn2, d, a: x, b: y });
    return { t, r: d };
  };
  const alui = (fn2, x, imm) => {
    const d = s.temp();
    s.emit({ op: "alui", fn: fn2, d, a: x, imm });
    return { t, r: d };
  };
  if (b.r === void 0) {
    const k = b.imm;
    const identity = k === 0n && ["+", "-", "|", "^", "<<", ">>", ">>>"].includes(op) || k === 1n && (op === "*" || op === "/");
    if (identity) return { t, r: ra() };
    if (k === 0n && (op === "*" || op === "&")) return { t, imm: 0n };
    if (op === "-" && fits12(-k)) return alui("addi", ra(), Number(-k));
    const immOp = IMM_OP[op];
    if (immOp && (op === "<<" || op === ">>" || op === ">>>")) return alui(immOp, ra(), Number(k & 63n));
    if (immOp && fits12(k)) return alui(immOp, ra(), Number(k));
    const p = log2(k);
    if (op === "*" && p > 0) return alui("slli", ra(), p);
    if (op === "/" && p > 0) return unsigned ? alui("srli", ra(), p) : signedDivPow2(s, ra(), p, t);
    if (op === "%" && p > 0) {
      if (unsigned) return fits12(k - 1n) ? alui("andi", ra(), Number(k - 1n)) : alu("and", ra(), s.reg({ t, imm: k - 1n }));
      return signedRemPow2(s, ra(), p, t);
    }
    const magicOk = unsigned ? BigInt.asUintN(64, k) > 1n : k > 1n || k < -1n;
    if ((op === "/" || op === "%") && p < 0 && magicOk && k !== -(1n << 63n)) {
      const x = ra();
      const q = unsigned ? unsignedDivConst(s, x, BigInt.asUintN(64, k), t) : signedDivConst(s, x, k, t);
      if (op === "/") return q;
      const prod = arith(s, "*", q, { t, imm: k }, unsigned);
      return alu("sub", x, prod.r);
    }
  }
  let fn = REG_OP[op];
  if (unsigned && fn === "div") fn = "divu";
  if (unsigned && fn === "rem") fn = "remu";
  return alu(fn, ra(), s.reg(b));
}
function signedDivPow2(s, x, p, t) {
  const bias = biasFor(s, x, p);
  const sum = s.temp();
  s.emit({ op: "alu", fn: "add", d: sum, a: x, b: bias });
  const d = s.temp();
  s.emit({ op: "alui", fn: "srai", d, a: sum, imm: p });
  return { t, r: d };
}
function signedRemPow2(s, x, p, t) {
  const bias = biasFor(s, x, p);
  const sum = s.temp();
  s.emit({ op: "alu", fn: "add", d: sum, a: x, b: bias });
  const masked = s.temp();
  if (p < 11) s.emit({ op: "alui", fn: "andi", d: masked, a: sum, imm: -(1 << p) });
  else {
    const hi = s.temp();
    s.emit({ op: "alui", fn: "srai", d: hi, a: sum, imm: p });
    s.emit({ op: "alui", fn: "slli", d: masked, a: hi, imm: p });
  }
  const d = s.temp();
  s.emit({ op: "alu", fn: "sub", d, a: x, b: masked });
  return { t, r: d };
}
function biasFor(s, x, p) {
  const sign = s.temp();
  s.emit({ op: "alui", fn: "srai", d: sign, a: x, imm: 63 });
  const bias = s.temp();
  s.emit({ op: "alui", fn: "srli", d: bias, a: sign, imm: 64 - p });
  return bias;
}
function unsignedDivConst(s, x, d, t) {
  const mg = unsignedMagic(d);
  const m = s.reg({ t, imm: BigInt.asIntN(64, mg.m) });
  const hi = s.temp();
  s.emit({ op: "alu", fn: "mulhu", d: hi, a: x, b: m });
  if (!mg.add) {
    if (mg.shift === 0) return { t, r: hi };
    const q2 = s.temp();
    s.emit({ op: "alui", fn: "srli", d: q2, a: hi, imm: mg.shift });
    return { t, r: q2 };
  }
  const diff = s.temp(), half = s.temp(), sum = s.temp(), q = s.temp();
  s.emit({ op: "alu", fn: "sub", d: diff, a: x, b: hi });
  s.emit({ op: "alui", fn: "srli", d: half, a: diff, imm: 1 });
  s.emit({ op: "alu", fn: "add", d: sum, a: half, b: hi });
  s.emit({ op: "alui", fn: "srli", d: q, a: sum, imm: mg.shift - 1 });
  return { t, r: q };
}
function signedDivConst(s, x, d, t) {
  const mg = signedMagic(d);
  const m = s.reg({ t, imm: mg.m });
  let q = s.temp();
  s.emit({ op: "alu", fn: "mulh", d: q, a: x, b: m });
  if (d > 0n && mg.m < 0n) {
    const r = s.temp();
    s.emit({ op: "alu", fn: "add", d: r, a: q, b: x });
    q = r;
  }
  if (d < 0n && mg.m > 0n) {
    const r = s.temp();
    s.emit({ op: "alu", fn: "sub", d: r, a: q, b: x });
    q = r;
  }
  if (mg.shift > 0) {
    const r = s.temp();
    s.emit({ op: "alui", fn: "srai", d: r, a: q, imm: mg.shift });
    q = r;
  }
  const sign = s.temp(), out = s.temp();
  s.emit({ op: "alui", fn: "srli", d: sign, a: q, imm: 63 });
  s.emit({ op: "alu", fn: "add", d: out, a: q, b: sign });
  return { t, r: out };
}

// src/gtsc/ivsr.ts
var PURE = /* @__PURE__ */ new Set(["li", "la", "alu", "alui", "unary", "frame"]);
function defCounts(blocks) {
  const m = /* @__PURE__ */ new Map();
  for (const b of blocks) for (const i of b.ins) {
    const d = insDefs(i);
    if (d !== void 0) m.set(d, (m.get(d) ?? 0) + 1);
  }
  return m;
}
function reduceInductionVariables(all, loops, temps, src) {
  for (const loop of loops) reduceLoop(all, loop, temps, src);
  deadCode(all, temps);
}
function reduceLoop(all, loop, temps, src) {
  const written = /* @__PURE__ */ new Map();
  for (const b of loop.blocks) for (const i of b.ins) {
    const d = insDefs(i);
    if (d !== void 0) written.set(d, [...written.get(d) ?? [], i]);
  }
  const counts = defCounts(all);
  const inv = (v) => v === 0 || !written.has(v);
  const ivStep = /* @__PURE__ */ new Map();
  for (const [v, defs] of written) {
    if (defs.every((i) => i.op === "alui" && i.fn === "addi" && i.a === v && i.d === v)) ivStep.set(v, 0n);
  }
  if (ivStep.size === 0) return;
  const derived = /* @__PURE__ */ new Map();
  const get = (v) => ivStep.has(v) ? { iv: v, shift: 0 } : derived.get(v);
  for (const b of loop.blocks) {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d === void 0 || !temps.has(d) || counts.get(d) !== 1) continue;
      const x = classify(i, get, inv);
      if (x) derived.set(d, { ...x, ins: i });
    }
  }
  const consumers = /* @__PURE__ */ new Map();
  for (const b of all) {
    for (const i of b.ins) {
      const d = insDefs(i);
      for (const u of insUses(i)) if (derived.has(u) && !(d !== void 0 && derived.has(d))) consumers.set(u, (consumers.get(u) ?? 0) + 1);
    }
    for (const u of termUsesOf(b)) if (derived.has(u)) consumers.set(u, (consumers.get(u) ?? 0) + 1);
  }
  const shared = /* @__PURE__ */ new Map();
  for (const [d, x] of derived) {
    if (!consumers.has(d)) continue;
    if (x.mul === void 0 && x.addA === void 0 && x.addB === void 0 && x.shift === 0) continue;
    const key = `${x.iv} ${x.mul} ${x.addA} ${x.shift} ${x.addB}`;
    const p = shared.get(key);
    if (p !== void 0) {
      for (const b of loop.blocks) b.ins = b.ins.map((i) => i === x.ins ? { op: "mv", d, a: p } : i);
      continue;
    }
    shared.set(key, materialise(loop, d, x, src));
  }
}
function classify(i, get, inv) {
  if (i.op === "alu" && (i.fn === "add" || i.fn === "mul")) {
    for (const [x, y] of [[i.a, i.b], [i.b, i.a]]) {
      const dx = get(x);
      if (!dx || !inv(y)) continue;
      if (i.fn === "mul") {
        if (dx.mul === void 0 && dx.addA === void 0 && dx.shift === 0 && dx.addB === void 0) return { iv: dx.iv, mul: y, shift: 0 };
        continue;
      }
      if (dx.shift === 0 && dx.addA === void 0 && dx.addB === void 0) return { ...dx, addA: y, ins: void 0 };
      if (dx.addB === void 0) return { ...dx, addB: y, ins: void 0 };
    }
  }
  if (i.op === "alui" && i.fn === "slli") {
    const dx = get(i.a);
    if (dx && dx.shift === 0 && dx.addB === void 0) return { ...dx, shift: i.imm, ins: void 0 };
  }
  return void 0;
}
function termUsesOf(b) {
  const t = b.term;
  if (t.op === "br") return [t.a, t.b];
  if (t.op === "ret" && t.a !== void 0) return [t.a];
  return [];
}
function materialise(loop, d, x, src) {
  const pre = loop.pre.ins;
  const p = src.vreg();
  let cur = x.iv;
  const step = (i) => {
    pre.push(i);
    cur = i.d;
  };
  if (x.mul !== void 0) step({ op: "alu", fn: "mul", d: src.temp(), a: cur, b: x.mul });
  if (x.addA !== void 0) step({ op: "alu", fn: "add", d: src.temp(), a: cur, b: x.addA });
  if (x.shift) step({ op: "alui", fn: "slli", d: src.temp(), a: cur, imm: x.shift });
  if (x.addB !== void 0) step({ op: "alu", fn: "add", d: src.temp(), a: cur, b: x.addB });
  pre.push({ op: "mv", d: p, a: cur });
  const strideRegs = /* @__PURE__ */ new Map();
  for (const b of loop.blocks) {
    const out = [];
    for (const i of b.ins) {
      if (i === x.ins) {
        out.push({ op: "mv", d, a: p });
        continue;
      }
      out.push(i);
      if (i.op === "alui" && i.fn === "addi" && i.d === x.iv && i.a === x.iv) {
        const c = i.imm;
        if (x.mul === void 0 && Math.abs(c * 2 ** x.shift) <= 2047) {
          out.push({ op: "alui", fn: "addi", d: p, a: p, imm: c * 2 ** x.shift });
        } else {
          let r = strideRegs.get(c);
          if (r === void 0) {
            r = strideReg(pre, c, x, src);
            strideRegs.set(c, r);
          }
          out.push({ op: "alu", fn: "add", d: p, a: p, b: r });
        }
      }
    }
    b.ins = out;
  }
  return p;
}
function strideReg(pre, c, x, src) {
  let r;
  if (x.mul !== void 0 && c === 1) r = x.mul;
  else {
    r = src.temp();
    pre.push({ op: "li", d: r, imm: BigInt(c) });
    if (x.mul !== void 0) {
      const m = src.temp();
      pre.push({ op: "alu", fn: "mul", d: m, a: r, b: x.mul });
      r = m;
    }
  }
  if (x.shift) {
    const s = src.temp();
    pre.push({ op: "alui", fn: "slli", d: s, a: r, imm: x.shift });
    r = s;
  }
  return r;
}
function deadCode(all, temps) {
  for (let changed = true; changed; ) {
    changed = false;
    const used = /* @__PURE__ */ new Set();
    for (const b of all) {
      for (const i of b.ins) for (const u of insUses(i)) used.add(u);
      for (const u of termUsesOf(b)) used.add(u);
    }
    for (const b of all) {
      const n = b.ins.length;
      b.ins = b.ins.filter((i) => {
        const d = insDefs(i);
        return !(PURE.has(i.op) && d !== void 0 && temps.has(d) && !used.has(d));
      });
      if (b.ins.length !== n) changed = true;
    }
  }
}

// src/gtsc/opt.ts
function keyOf(i) {
  switch (i.op) {
    case "li":
      return `li ${i.imm}`;
    case "la":
      return `la ${i.sym}`;
    case "alu":
      return `${i.fn} ${i.a} ${i.b}`;
    case "alui":
      return `${i.fn} ${i.a} ${i.imm}`;
    case "unary":
      return `${i.fn} ${i.a}`;
    case "frame":
      return `frame ${i.slot}`;
    default:
      return void 0;
  }
}
function renameIns(i, m) {
  const r = (v) => m.get(v) ?? v;
  switch (i.op) {
    case "li":
    case "la":
    case "frame":
      return i;
    case "mv":
    case "alui":
    case "unary":
    case "ld":
      return { ...i, a: r(i.a) };
    case "alu":
    case "st":
      return { ...i, a: r(i.a), b: r(i.b) };
    case "call":
      return { ...i, args: i.args.map(r), target: typeof i.target === "number" ? r(i.target) : i.target };
    case "raw":
      return { ...i, uses: i.uses.map(r) };
  }
}
function renameTerm(t, m) {
  const r = (v) => m.get(v) ?? v;
  if (t.op === "br") return { ...t, a: r(t.a), b: r(t.b) };
  if (t.op === "ret" && t.a !== void 0) return { ...t, a: r(t.a) };
  return t;
}
function localCse(fn, temps) {
  const defCount = /* @__PURE__ */ new Map();
  for (const b of fn.blocks) for (const i of b.ins) {
    const d = insDefs(i);
    if (d !== void 0) defCount.set(d, (defCount.get(d) ?? 0) + 1);
  }
  const single = (v) => temps.has(v) && defCount.get(v) === 1;
  const rename = /* @__PURE__ */ new Map();
  for (const b of fn.blocks) {
    const table2 = /* @__PURE__ */ new Map();
    const out = [];
    for (const raw2 of b.ins) {
      const i = rename.size > 0 ? renameIns(raw2, rename) : raw2;
      const key = keyOf(i);
      const d = insDefs(i);
      if (key !== void 0 && d !== void 0 && single(d)) {
        const hit = table2.get(key);
        if (hit) {
          rename.set(d, hit.v);
          continue;
        }
      }
      if (d !== void 0) {
        for (const [k, e] of table2) if (e.v === d || e.uses.includes(d)) table2.delete(k);
      }
      out.push(i);
      if (key !== void 0 && d !== void 0 && single(d)) table2.set(key, { v: d, uses: insUses(i) });
    }
    b.ins = out;
  }
  if (rename.size === 0) return;
  for (const b of fn.blocks) {
    b.ins = b.ins.map((i) => renameIns(i, rename));
    b.term = renameTerm(b.term, rename);
  }
}
function propagateCopies(fn, temps) {
  const defCount = /* @__PURE__ */ new Map();
  const useBlocks = /* @__PURE__ */ new Map();
  fn.blocks.forEach((b, k) => {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d !== void 0) defCount.set(d, (defCount.get(d) ?? 0) + 1);
      for (const u of insUses(i)) (useBlocks.get(u) ?? useBlocks.set(u, /* @__PURE__ */ new Set()).get(u)).add(k);
    }
    const t = b.term;
    const tu = t.op === "br" ? [t.a, t.b] : t.op === "ret" && t.a !== void 0 ? [t.a] : [];
    for (const u of tu) (useBlocks.get(u) ?? useBlocks.set(u, /* @__PURE__ */ new Set()).get(u)).add(k);
  });
  fn.blocks.forEach((b, k) => {
    for (let n = 0; n < b.ins.length; n++) {
      const m = b.ins[n];
      if (m.op !== "mv" || !temps.has(m.d) || defCount.get(m.d) !== 1) continue;
      const ub = useBlocks.get(m.d);
      if (!ub || ub.size !== 1 || !ub.has(k)) continue;
      let ok = true;
      let last = -1;
      for (let j = n + 1; j < b.ins.length; j++) if (insUses(b.ins[j]).includes(m.d)) last = j;
      const t = b.term;
      const inTerm = t.op === "br" && (t.a === m.d || t.b === m.d) || t.op === "ret" && t.a === m.d;
      const end = inTerm ? b.ins.length : last;
      for (let j = n + 1; j < end; j++) if (insDefs(b.ins[j]) === m.a) ok = false;
      if (!ok) continue;
      const map = /* @__PURE__ */ new Map([[m.d, m.a]]);
      for (let j = n + 1; j < b.ins.length; j++) b.ins[j] = renameIns(b.ins[j], map);
      b.term = renameTerm(b.term, map);
      b.ins.splice(n, 1);
      n--;
    }
  });
}

// src/gtsc/lower.ts
var K = ts5.SyntaxKind;
var ARITH = {
  [K.PlusToken]: "+",
  [K.MinusToken]: "-",
  [K.AsteriskToken]: "*",
  [K.SlashToken]: "/",
  [K.PercentToken]: "%",
  [K.AmpersandToken]: "&",
  [K.BarToken]: "|",
  [K.CaretToken]: "^",
  [K.LessThanLessThanToken]: "<<",
  [K.GreaterThanGreaterThanToken]: ">>",
  [K.GreaterThanGreaterThanGreaterThanToken]: ">>>"
};
var COMPOUND = {
  [K.PlusEqualsToken]: "+",
  [K.MinusEqualsToken]: "-",
  [K.AsteriskEqualsToken]: "*",
  [K.SlashEqualsToken]: "/",
  [K.PercentEqualsToken]: "%",
  [K.AmpersandEqualsToken]: "&",
  [K.BarEqualsToken]: "|",
  [K.CaretEqualsToken]: "^",
  [K.LessThanLessThanEqualsToken]: "<<",
  [K.GreaterThanGreaterThanEqualsToken]: ">>",
  [K.GreaterThanGreaterThanGreaterThanEqualsToken]: ">>>"
};
var RELS = {
  [K.LessThanToken]: "lt",
  [K.LessThanEqualsToken]: "le",
  [K.GreaterThanToken]: "gt",
  [K.GreaterThanEqualsToken]: "ge",
  [K.EqualsEqualsToken]: "eq",
  [K.EqualsEqualsEqualsToken]: "eq",
  [K.ExclamationEqualsToken]: "ne",
  [K.ExclamationEqualsEqualsToken]: "ne"
};
var fits122 = (v) => v >= -2048 && v <= 2047;
var PURE2 = /* @__PURE__ */ new Set(["li", "la", "alu", "alui", "unary", "frame"]);
var FnLowerer = class {
  constructor(prog, mod, node, sig, strings, global) {
    this.prog = prog;
    this.mod = mod;
    this.node = node;
    this.sig = sig;
    this.strings = strings;
    this.fn = { name: node.name.text, global, params: [], blocks: [], nextVreg: 1, slots: [], hints: /* @__PURE__ */ new Map() };
    this.cur = this.newBlock();
    this.enter(this.cur);
  }
  prog;
  mod;
  node;
  sig;
  strings;
  fn;
  cur;
  all = [];
  order = [];
  scopes = [/* @__PURE__ */ new Map()];
  loops = [];
  temps = /* @__PURE__ */ new Set();
  /** Loops, innermost first: the block before the loop and the blocks inside it. */
  loopInfos = [];
  lower() {
    this.node.parameters.forEach((p, k) => {
      if (!ts5.isIdentifier(p.name)) fail(p, "destructuring is not supported in guest code");
      const r = this.vreg();
      this.fn.params.push(r);
      this.fn.hints.set(r, 10 + k);
      this.declare(p.name.text, { k: "var", r, t: this.sig.params[k] }, p);
    });
    for (const st of this.node.body.statements) this.stmt(st);
    if (this.cur.term.op === "none") this.cur.term = { op: "ret", a: void 0 };
    this.hoistInvariants();
    reduceInductionVariables(this.all, this.loopInfos, this.temps, { vreg: () => this.vreg(), temp: () => this.temp() });
    this.finish();
    propagateCopies(this.fn, this.temps);
    localCse(this.fn, this.temps);
    return this.fn;
  }
  // ---- blocks -------------------------------------------------------------------------------
  newBlock() {
    const b = { id: this.all.length, ins: [], term: { op: "none" } };
    this.all.push(b);
    return b;
  }
  enter(b) {
    this.cur = b;
    this.order.push(b);
  }
  end(t) {
    if (this.cur.term.op === "none") this.cur.term = t;
  }
  jump(b) {
    this.end({ op: "j", t: b.id });
  }
  emit(i) {
    if (this.cur.term.op !== "none") this.enter(this.newBlock());
    this.cur.ins.push(i);
  }
  /**
   * Loop-invariant code motion: pure instructions whose operands are not written inside a loop
   * (constants, addresses of globals, i*n in an inner loop) move to the block before the loop.
   */
  hoistInvariants() {
    const defCount = /* @__PURE__ */ new Map();
    for (const b of this.all) {
      for (const i of b.ins) {
        const d = insDefs(i);
        if (d !== void 0) defCount.set(d, (defCount.get(d) ?? 0) + 1);
      }
    }
    for (const loop of this.loopInfos) {
      const written = /* @__PURE__ */ new Set();
      for (const b of loop.blocks) for (const i of b.ins) {
        const d = insDefs(i);
        if (d !== void 0) written.add(d);
      }
      for (const b of loop.blocks) {
        b.ins = b.ins.filter((i) => {
          if (!PURE2.has(i.op)) return true;
          const d = insDefs(i);
          if (!this.temps.has(d) || defCount.get(d) !== 1) return true;
          if (insUses(i).some((u) => written.has(u))) return true;
          loop.pre.ins.push(i);
          written.delete(d);
          return false;
        });
      }
    }
  }
  /** Record the blocks lowered by `body` as one loop whose preheader is `pre`. */
  loopBlocks(pre, body) {
    const first = this.order.length;
    body();
    this.loopInfos.push({ pre, blocks: this.order.slice(first) });
  }
  /** Thread jumps through empty blocks, drop unreachable blocks, number blocks in layout order. */
  finish() {
    const target = (id) => {
      let b = this.all[id], guard2 = 0;
      while (b.ins.length === 0 && b.term.op === "j" && guard2++ < 50) b = this.all[b.term.t];
      return b.id;
    };
    for (const b of this.all) {
      if (b.term.op === "j") b.term = { op: "j", t: target(b.term.t) };
      if (b.term.op === "br") {
        const t = target(b.term.t), f = target(b.term.f);
        b.term = t === f ? { op: "j", t } : { ...b.term, t, f };
      }
      if (b.term.op === "none") b.term = { op: "ret", a: void 0 };
    }
    const reach = /* @__PURE__ */ new Set();
    const work = [this.order[0].id];
    while (work.length) {
      const id = work.pop();
      if (reach.has(id)) continue;
      reach.add(id);
      const t = this.all[id].term;
      if (t.op === "j") work.push(t.t);
      if (t.op === "br") work.push(t.t, t.f);
    }
    const kept = this.order.filter((b) => reach.has(b.id));
    const renum = new Map(kept.map((b, k) => [b.id, k]));
    this.fn.blocks = kept.map((b, k) => {
      const t = b.term;
      const term = t.op === "j" ? { op: "j", t: renum.get(t.t) } : t.op === "br" ? { ...t, t: renum.get(t.t), f: renum.get(t.f) } : t;
      return { id: k, ins: b.ins, term };
    });
  }
  // ---- registers and scopes ---------------------------------------------------------------
  vreg() {
    return this.fn.nextVreg++;
  }
  temp() {
    const r = this.vreg();
    this.temps.add(r);
    return r;
  }
  reg(v) {
    if (v.r !== void 0) return v.r;
    if (v.imm === 0n) return 0;
    const d = this.temp();
    this.emit({ op: "li", d, imm: v.imm });
    return d;
  }
  declare(name, l, at) {
    const s = this.scopes[this.scopes.length - 1];
    if (s.has(name)) fail(at, `'${name}' is declared twice`);
    s.set(name, l);
  }
  local(name) {
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const l = this.scopes[k].get(name);
      if (l) return l;
    }
    return void 0;
  }
  scoped(f) {
    this.scopes.push(/* @__PURE__ */ new Map());
    try {
      f();
    } finally {
      this.scopes.pop();
    }
  }
  // ---- LowerApi ---------------------------------------------------------------------------
  constValue(e) {
    const consts = /* @__PURE__ */ new Map();
    for (const s of this.scopes) for (const [n, l] of s) {
      if (l.k === "const") consts.set(n, l.v);
      else consts.delete(n);
    }
    return this.prog.constValue(this.mod, e, consts);
  }
  typeArg(call, k) {
    const n = call.typeArguments?.[k];
    return n ? this.prog.resolveType(this.mod, n) : void 0;
  }
  address(e) {
    const x = strip(e);
    if (ts5.isBinaryExpression(x) && (x.operatorToken.kind === K.PlusToken || x.operatorToken.kind === K.MinusToken)) {
      const k = this.constValue(x.right);
      if (k !== void 0) {
        const off = x.operatorToken.kind === K.PlusToken ? k : -k;
        const inner = this.address(x.left);
        return this.offsetAddr(inner.base, BigInt(inner.off) + off);
      }
    }
    const v = this.expr(x);
    if (v.r === void 0) {
      const lo = BigInt.asIntN(12, v.imm);
      return this.offsetAddr(this.reg({ t: U64, imm: v.imm - lo }), lo);
    }
    return { base: v.r, off: 0 };
  }
  offsetAddr(base, off) {
    if (fits122(off)) return { base, off: Number(off) };
    const v = arith(this, "+", { t: U64, r: base }, { t: U64, imm: off }, true);
    return { base: v.r, off: 0 };
  }
  /** Bring a value into the range of an integer type when it might not already be. */
  convert(v, to) {
    if (to.k !== "int") return v.r !== void 0 ? { t: to, r: v.r } : { t: to, imm: v.imm };
    if (v.r === void 0) return { t: to, imm: wrapConst(v.imm, to) };
    if (fitsIn(v.t, to)) return { t: to, r: v.r };
    const d = this.temp();
    const a = v.r;
    const sh = (fn1, fn2, n) => {
      const m = this.temp();
      this.emit({ op: "alui", fn: fn1, d: m, a, imm: n });
      this.emit({ op: "alui", fn: fn2, d, a: m, imm: n });
    };
    switch (to.name) {
      case "bool":
        this.emit({ op: "unary", fn: "snez", d, a });
        break;
      case "u8":
        this.emit({ op: "alui", fn: "andi", d, a, imm: 255 });
        break;
      case "u16":
        sh("slli", "srli", 48);
        break;
      case "u32":
        sh("slli", "srli", 32);
        break;
      case "i8":
        sh("slli", "srai", 56);
        break;
      case "i16":
        sh("slli", "srai", 48);
        break;
      case "i32":
        this.emit({ op: "alui", fn: "addiw", d, a, imm: 0 });
        break;
      default:
        return { t: to, r: a };
    }
    return { t: to, r: d };
  }
  // ---- statements -------------------------------------------------------------------------
  stmt(s) {
    if (ts5.isBlock(s)) return this.scoped(() => s.statements.forEach((x) => this.stmt(x)));
    if (ts5.isExpressionStatement(s)) {
      this.exprDiscard(s.expression);
      return;
    }
    if (ts5.isVariableStatement(s)) return this.varStmt(s.declarationList);
    if (ts5.isIfStatement(s)) return this.ifStmt(s);
    if (ts5.isWhileStatement(s)) return this.loop(void 0, s.expression, void 0, s.statement);
    if (ts5.isForStatement(s)) return this.scoped(() => this.loop(s.initializer, s.condition, s.incrementor, s.statement));
    if (ts5.isDoStatement(s)) return this.doStmt(s);
    if (ts5.isReturnStatement(s)) return this.ret(s);
    if (ts5.isBreakStatement(s) || ts5.isContinueStatement(s)) return this.breakContinue(s);
    if (ts5.isSwitchStatement(s)) return this.switchStmt(s);
    if (ts5.isEmptyStatement(s)) return;
    if (ts5.isFunctionDeclaration(s)) unsupported(s, "a nested function");
    unsupportedNode(s);
  }
  varStmt(list) {
    const isConst = (list.flags & ts5.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      if (!ts5.isIdentifier(d.name)) fail(d, "destructuring is not supported in guest code");
      const name = d.name.text;
      const zt = zeroedType(d.initializer);
      const declared = zt ? this.prog.resolveType(this.mod, zt) : d.type ? this.prog.resolveType(this.mod, d.type) : void 0;
      if (declared && (declared.k === "arr" || declared.k === "struct")) {
        this.stackObject(name, declared, d);
        continue;
      }
      if (isConst && d.initializer) {
        const k = this.constValue(d.initializer);
        if (k !== void 0) {
          const t2 = declared ?? I64;
          this.declare(name, { k: "const", v: wrapConst(k, t2), t: t2 }, d);
          continue;
        }
      }
      const init = d.initializer ? this.expr(d.initializer) : void 0;
      if (init && init.t.k === "void") fail(d.initializer, "this expression has no value");
      const t = declared ?? (init ? init.t.k === "int" && init.r === void 0 ? I64 : init.t : I64);
      const local = { k: "var", r: this.vreg(), t };
      if (init) this.assignVar(local, init);
      this.declare(name, local, d);
    }
  }
  stackObject(name, t, d) {
    const init = d.initializer ? strip(d.initializer) : void 0;
    const isZeroed = init && ts5.isCallExpression(init) && ts5.isIdentifier(init.expression) && init.expression.text === "zeroed";
    if (!isZeroed) fail(d, `a local of type ${typeName(t)} must be initialised with zeroed()`);
    const size = Math.ceil(sizeOf(t) / 8) * 8;
    const slot = this.fn.slots.length;
    this.fn.slots.push({ size, align: 8 });
    this.declare(name, { k: "stack", slot, t }, d);
    const base = this.temp();
    this.emit({ op: "frame", d: base, slot });
    if (size <= 256) {
      for (let off = 0; off < size; off += 8) this.emit({ op: "st", size: 8, a: base, b: 0, off });
      return;
    }
    const p = this.temp(), endP = this.temp();
    this.emit({ op: "mv", d: p, a: base });
    const sz = this.reg({ t: I64, imm: BigInt(size) });
    this.emit({ op: "alu", fn: "add", d: endP, a: base, b: sz });
    const body = this.newBlock(), after = this.newBlock();
    this.jump(body);
    this.enter(body);
    this.emit({ op: "st", size: 8, a: p, b: 0, off: 0 });
    this.emit({ op: "alui", fn: "addi", d: p, a: p, imm: 8 });
    this.end({ op: "br", cmp: "ltu", a: p, b: endP, t: body.id, f: after.id });
    this.enter(after);
  }
  ifStmt(s) {
    const then = this.newBlock(), els = this.newBlock(), after = s.elseStatement ? this.newBlock() : els;
    this.cond(s.expression, then, els);
    this.enter(then);
    this.scoped(() => this.stmt(s.thenStatement));
    this.jump(after);
    if (s.elseStatement) {
      this.enter(els);
      this.scoped(() => this.stmt(s.elseStatement));
      this.jump(after);
    }
    this.enter(after);
  }
  /** Loops are laid out with the test at the bottom: one branch per iteration. */
  loop(init, test, incr, body) {
    if (init) {
      if (ts5.isVariableDeclarationList(init)) this.varStmt(init);
      else this.exprDiscard(init);
    }
    const bodyB = this.newBlock(), contB = this.newBlock(), exitB = this.newBlock();
    const pre = this.cur;
    if (test) this.cond(test, bodyB, exitB);
    else this.jump(bodyB);
    this.loopBlocks(pre, () => {
      this.enter(bodyB);
      this.loops.push({ brk: exitB, cont: contB });
      this.scoped(() => this.stmt(body));
      this.loops.pop();
      this.jump(contB);
      this.enter(contB);
      if (incr) this.exprDiscard(incr);
      if (test) this.cond(test, bodyB, exitB);
      else this.jump(bodyB);
    });
    this.enter(exitB);
  }
  doStmt(s) {
    const bodyB = this.newBlock(), contB = this.newBlock(), exitB = this.newBlock();
    const pre = this.cur;
    this.jump(bodyB);
    this.loopBlocks(pre, () => {
      this.enter(bodyB);
      this.loops.push({ brk: exitB, cont: contB });
      this.scoped(() => this.stmt(s.statement));
      this.loops.pop();
      this.jump(contB);
      this.enter(contB);
      this.cond(s.expression, bodyB, exitB);
    });
    this.enter(exitB);
  }
  ret(s) {
    if (s.expression) {
      if (this.sig.ret.k === "void") fail(s, "a void function cannot return a value");
      this.retValue(s.expression);
    } else {
      this.end({ op: "ret", a: void 0 });
    }
  }
  /** `return c ? a : b` returns from each arm (no merge register to keep alive). */
  retValue(e) {
    const x = strip(e);
    if (ts5.isConditionalExpression(x) && this.constValue(x.condition) === void 0) {
      const t = this.newBlock(), f = this.newBlock();
      this.cond(x.condition, t, f);
      this.enter(t);
      this.retValue(x.whenTrue);
      this.enter(f);
      this.retValue(x.whenFalse);
      return;
    }
    const v = this.convert(this.value(e), this.sig.ret);
    this.end({ op: "ret", a: this.reg(v) });
  }
  breakContinue(s) {
    if (s.label) unsupported(s, "a labelled break/continue");
    const isBreak = ts5.isBreakStatement(s);
    for (let k = this.loops.length - 1; k >= 0; k--) {
      const l = this.loops[k];
      const t = isBreak ? l.brk : l.cont;
      if (t) {
        this.jump(t);
        return;
      }
    }
    fail(s, `'${isBreak ? "break" : "continue"}' outside a loop`);
  }
  switchStmt(s) {
    const x = this.reg(this.expr(s.expression));
    const exitB = this.newBlock();
    const clauses = s.caseBlock.clauses;
    const bodies = clauses.map(() => this.newBlock());
    let defaultB = exitB;
    clauses.forEach((c, k) => {
      if (ts5.isDefaultClause(c)) {
        defaultB = bodies[k];
        return;
      }
      const v = this.constValue(c.expression);
      if (v === void 0) fail(c.expression, "a case label must be a constant");
      const next = this.newBlock();
      this.end({ op: "br", cmp: "eq", a: x, b: this.reg({ t: I64, imm: v }), t: bodies[k].id, f: next.id });
      this.enter(next);
    });
    this.jump(defaultB);
    this.loops.push({ brk: exitB, cont: void 0 });
    this.scoped(() => {
      clauses.forEach((c, k) => {
        this.enter(bodies[k]);
        c.statements.forEach((st) => this.stmt(st));
        this.jump(bodies[k + 1] ?? exitB);
      });
    });
    this.loops.pop();
    this.enter(exitB);
  }
  // ---- conditions -------------------------------------------------------------------------
  cond(e, t, f) {
    e = strip(e);
    if (ts5.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) return this.cond(e.operand, f, t);
    if (ts5.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
        const mid = this.newBlock();
        if (op === K.AmpersandAmpersandToken) this.cond(e.left, mid, f);
        else this.cond(e.left, t, mid);
        this.enter(mid);
        return this.cond(e.right, t, f);
      }
      const rel = RELS[op];
      if (rel) {
        const a = this.expr(e.left), b = this.expr(e.right);
        if (a.r === void 0 && b.r === void 0) {
          this.jump(relHolds(rel, a.imm, b.imm, unsignedPair(a, b)) ? t : f);
          return;
        }
        return this.branch(rel, a, b, unsignedPair(a, b), t, f);
      }
    }
    const v = this.expr(e);
    if (v.r === void 0) {
      this.jump(v.imm !== 0n ? t : f);
      return;
    }
    this.end({ op: "br", cmp: "ne", a: v.r, b: 0, t: t.id, f: f.id });
  }
  branch(rel, a, b, unsigned, t, f) {
    let x = this.reg(a), y = this.reg(b);
    let cmp;
    switch (rel) {
      case "eq":
        cmp = "eq";
        break;
      case "ne":
        cmp = "ne";
        break;
      case "lt":
        cmp = unsigned ? "ltu" : "lt";
        break;
      case "ge":
        cmp = unsigned ? "geu" : "ge";
        break;
      case "gt":
        cmp = unsigned ? "ltu" : "lt";
        [x, y] = [y, x];
        break;
      case "le":
        cmp = unsigned ? "geu" : "ge";
        [x, y] = [y, x];
        break;
    }
    this.end({ op: "br", cmp, a: x, b: y, t: t.id, f: f.id });
  }
  // ---- expressions ------------------------------------------------------------------------
  /** Evaluate for side effects only (x++ needs no copy of the old value). */
  exprDiscard(e) {
    e = strip(e);
    if (ts5.isPostfixUnaryExpression(e)) {
      this.incDec(e.operand, e.operator === K.PlusPlusToken, false);
      return;
    }
    this.expr(e);
  }
  expr(e) {
    if (ts5.isParenthesizedExpression(e) || ts5.isNonNullExpression(e) || ts5.isSatisfiesExpression(e)) return this.expr(e.expression);
    if (ts5.isAsExpression(e) || ts5.isTypeAssertionExpression(e)) {
      const v = this.expr(e.expression);
      const t = valueType(this.prog.resolveType(this.mod, e.type));
      return v.r !== void 0 ? { t, r: v.r } : { t, imm: v.imm };
    }
    if (ts5.isNumericLiteral(e)) return { t: I64, imm: parseIntLiteral(e) };
    if (e.kind === K.TrueKeyword) return { t: BOOL, imm: 1n };
    if (e.kind === K.FalseKeyword) return { t: BOOL, imm: 0n };
    if (ts5.isStringLiteral(e) || ts5.isNoSubstitutionTemplateLiteral(e)) {
      const d = this.temp();
      this.emit({ op: "la", d, sym: this.strings.label(e.text) });
      return { t: PTR_U8, r: d };
    }
    if (ts5.isIdentifier(e)) return this.ident(e);
    if (ts5.isPropertyAccessExpression(e) || ts5.isElementAccessExpression(e)) return this.access(e);
    if (ts5.isCallExpression(e)) return this.call(e);
    if (ts5.isPrefixUnaryExpression(e)) return this.prefix(e);
    if (ts5.isPostfixUnaryExpression(e)) return this.incDec(e.operand, e.operator === K.PlusPlusToken, true);
    if (ts5.isBinaryExpression(e)) return this.binary(e);
    if (ts5.isConditionalExpression(e)) return this.ternary(e);
    return unsupportedNode(e);
  }
  /** An expression used for its value (a call of a void function has none). */
  value(e) {
    const v = this.expr(e);
    if (v.t.k === "void") fail(e, "this expression has no value");
    return v;
  }
  ident(e) {
    const l = this.local(e.text);
    if (l) {
      if (l.k === "var") return { t: l.t, r: l.r };
      if (l.k === "const") return { t: l.t, imm: l.v };
      const d = this.temp();
      this.emit({ op: "frame", d, slot: l.slot });
      return { t: valueType(l.t), r: d };
    }
    if (e.text === "undefined") unsupported(e, "`undefined`");
    const s = this.prog.lookup(this.mod, e.text, e);
    if (!s) fail(e, `unknown name '${e.text}'`);
    switch (s.k) {
      case "const":
        return { t: s.type, imm: s.value };
      case "func": {
        const d = this.temp();
        this.emit({ op: "la", d, sym: s.sym });
        return { t: { k: "fn", sig: this.prog.funcSig(s) }, r: d };
      }
      case "global": {
        const d = this.temp();
        this.emit({ op: "la", d, sym: s.sym });
        if (s.isAddress) return { t: valueType(s.storage), r: d };
        const m = memAccess(s.storage);
        const v = this.temp();
        this.emit({ op: "ld", size: m.size, signed: m.signed, d: v, a: d, off: 0 });
        return { t: s.storage, r: v };
      }
      default:
        return fail(e, `'${e.text}' is not a value`);
    }
  }
  /** Place (address + storage type) of p.f, p[i], or a module-level scalar. */
  place(e) {
    e = strip(e);
    if (ts5.isIdentifier(e)) {
      const l = this.local(e.text);
      if (l && l.k === "var") return { k: "var", local: l };
      if (l) fail(e, `cannot assign to '${e.text}'`);
      const s = this.prog.lookup(this.mod, e.text, e);
      if (!s || s.k !== "global" || s.isAddress) fail(e, `cannot assign to '${e.text}'`);
      if (s.readonly) fail(e, `cannot assign to constant '${e.text}'`);
      const d = this.temp();
      this.emit({ op: "la", d, sym: s.sym });
      return { k: "mem", base: d, off: 0, t: s.storage };
    }
    if (ts5.isPropertyAccessExpression(e) || ts5.isElementAccessExpression(e)) {
      const m = this.memPlace(e);
      return { k: "mem", ...m };
    }
    return fail(e, "this expression cannot be assigned to");
  }
  /** Address of an object reached through a pointer: base of p in p.f / p[i]. */
  objectBase(obj) {
    obj = strip(obj);
    if (ts5.isPropertyAccessExpression(obj) || ts5.isElementAccessExpression(obj)) {
      const inner = this.memPlace(obj);
      if (inner.t.k === "arr" || inner.t.k === "struct") return inner;
    }
    const v = this.expr(obj);
    if (v.t.k !== "ptr") fail(obj, `'${obj.getText()}' is not a pointer (its type is ${typeName(v.t)})`);
    return { base: this.reg(v), off: 0, t: v.t.to };
  }
  memPlace(e) {
    const o = this.objectBase(e.expression);
    if (ts5.isPropertyAccessExpression(e)) {
      const objT = o.t.k === "arr" ? o.t.of : o.t;
      if (objT.k !== "struct") fail(e.name, `'${e.expression.getText()}' does not point to a struct`);
      const f = objT.s.fields.find((x) => x.name === e.name.text);
      if (!f) fail(e.name, `struct ${objT.s.name} has no field '${e.name.text}'`);
      const a = this.offsetAddr(o.base, BigInt(o.off + f.offset));
      return { ...a, t: f.type };
    }
    const elem = o.t.k === "arr" ? o.t.of : o.t;
    const size = BigInt(sizeOf(elem));
    const { rest, k } = this.splitConstant(e.argumentExpression);
    const idx = rest ? this.expr(rest) : { t: I64, imm: 0n };
    const off = BigInt(o.off) + k * size;
    if (idx.r === void 0) {
      const a = this.offsetAddr(o.base, off + idx.imm * size);
      return { ...a, t: elem };
    }
    const scaled = arith(this, "*", idx, { t: I64, imm: size }, false);
    const sum = arith(this, "+", { t: U64, r: o.base }, scaled, true);
    return { ...this.offsetAddr(sum.r, off), t: elem };
  }
  /** Split `x + 3`, `x - 1`, `2 + x` into the variable part and the constant. */
  splitConstant(e) {
    e = strip(e);
    const whole = this.constValue(e);
    if (whole !== void 0) return { rest: void 0, k: whole };
    if (ts5.isBinaryExpression(e) && (e.operatorToken.kind === K.PlusToken || e.operatorToken.kind === K.MinusToken)) {
      const minus = e.operatorToken.kind === K.MinusToken;
      const r = this.constValue(e.right);
      if (r !== void 0) {
        const inner = this.splitConstant(e.left);
        return { rest: inner.rest, k: inner.k + (minus ? -r : r) };
      }
      const l = this.constValue(e.left);
      if (l !== void 0 && !minus) {
        const inner = this.splitConstant(e.right);
        return { rest: inner.rest, k: inner.k + l };
      }
    }
    return { rest: e, k: 0n };
  }
  access(e) {
    const p = this.memPlace(e);
    return this.loadPlace(p);
  }
  loadPlace(p) {
    if (!isScalar(p.t)) {
      if (p.off === 0) return { t: valueType(p.t), r: p.base };
      const v = arith(this, "+", { t: U64, r: p.base }, { t: U64, imm: BigInt(p.off) }, true);
      return { t: valueType(p.t), r: v.r };
    }
    const m = memAccess(p.t);
    const d = this.temp();
    this.emit({ op: "ld", size: m.size, signed: m.signed, d, a: p.base, off: p.off });
    return { t: p.t, r: d };
  }
  readPlace(p) {
    return p.k === "var" ? { t: p.local.t, r: p.local.r } : this.loadPlace(p);
  }
  writePlace(p, v, at) {
    if (p.k === "var") return this.assignVar(p.local, v);
    if (!isScalar(p.t)) fail(at, `cannot assign a whole ${typeName(p.t)}`);
    if (v.t.k === "void") fail(at, "this expression has no value");
    const m = memAccess(p.t);
    const src = this.reg(v);
    this.emit({ op: "st", size: m.size, a: p.base, b: src, off: p.off });
    return { t: p.t, r: src };
  }
  /** x = v for a register local: convert, and write the result straight into x when we can. */
  assignVar(l, v) {
    const c = this.convert(v, l.t);
    if (c.r === void 0) {
      this.emit({ op: "li", d: l.r, imm: c.imm });
    } else if (c.r !== l.r) {
      const last = this.cur.ins[this.cur.ins.length - 1];
      if (last && this.temps.has(c.r) && "d" in last && last.d === c.r && last.op !== "call" && this.cur.term.op === "none") {
        this.temps.delete(c.r);
        last.d = l.r;
      } else {
        this.emit({ op: "mv", d: l.r, a: c.r });
      }
    }
    return { t: l.t, r: l.r };
  }
  prefix(e) {
    if (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken) {
      return this.incDec(e.operand, e.operator === K.PlusPlusToken, false);
    }
    const v = this.expr(e.operand);
    switch (e.operator) {
      case K.PlusToken:
        return v;
      case K.MinusToken:
        return arith(this, "-", { t: I64, imm: 0n }, v, false);
      case K.TildeToken:
        return arith(this, "^", v, { t: I64, imm: -1n }, isUnsigned(v.t));
      case K.ExclamationToken: {
        if (v.r === void 0) return { t: BOOL, imm: v.imm === 0n ? 1n : 0n };
        const d = this.temp();
        this.emit({ op: "unary", fn: "seqz", d, a: v.r });
        return { t: BOOL, r: d };
      }
    }
    return unsupportedNode(e);
  }
  incDec(target, inc, wantOld) {
    const p = this.place(target);
    const old = this.readPlace(p);
    let keep = old;
    if (wantOld && p.k === "var") {
      const d = this.temp();
      this.emit({ op: "mv", d, a: old.r });
      keep = { t: old.t, r: d };
    }
    const step = { t: I64, imm: 1n };
    const nv = arith(this, inc ? "+" : "-", old, step, isUnsigned(old.t));
    const stored = this.writePlace(p, nv, target);
    return wantOld ? keep : stored;
  }
  binary(e) {
    const op = e.operatorToken.kind;
    if (op === K.EqualsToken) {
      const p = this.place(e.left);
      return this.writePlace(p, this.value(e.right), e.left);
    }
    const cop = COMPOUND[op];
    if (cop) {
      const p = this.place(e.left);
      const old = this.readPlace(p);
      const rhs = this.expr(e.right);
      const unsigned = cop === ">>" ? false : cop === ">>>" ? true : unsignedPair(old, rhs);
      return this.writePlace(p, arith(this, cop, old, rhs, unsigned), e.left);
    }
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) return this.boolValue(e);
    if (op === K.CommaToken) {
      this.exprDiscard(e.left);
      return this.expr(e.right);
    }
    if (isStringLit(e.left) || isStringLit(e.right)) {
      unsupported(e, op === K.PlusToken ? "string concatenation" : "an operator on a string (strings are only addresses)");
    }
    const a = this.value(e.left), b = this.value(e.right);
    const aop = ARITH[op];
    if (aop) {
      const unsigned = aop === ">>" ? false : aop === ">>>" ? true : unsignedPair(a, b);
      return arith(this, aop, a, b, unsigned);
    }
    const rel = RELS[op];
    if (rel) return this.compare(rel, a, b);
    if (op === K.AsteriskAsteriskToken) unsupported(e.operatorToken, "the ** operator");
    if (op === K.InstanceOfKeyword || op === K.InKeyword || op === K.QuestionQuestionToken) unsupported(e.operatorToken, `the ${e.operatorToken.getText()} operator`);
    return unsupportedNode(e);
  }
  compare(rel, a, b) {
    const unsigned = unsignedPair(a, b);
    if (a.r === void 0 && b.r === void 0) return { t: BOOL, imm: relHolds(rel, a.imm, b.imm, unsigned) ? 1n : 0n };
    const d = this.temp();
    const slt = unsigned ? "sltu" : "slt";
    const flip = () => this.emit({ op: "alui", fn: "xori", d, a: d, imm: 1 });
    switch (rel) {
      case "lt":
        if (b.r === void 0 && fits122(b.imm)) this.emit({ op: "alui", fn: unsigned ? "sltiu" : "slti", d, a: a.r, imm: Number(b.imm) });
        else this.emit({ op: "alu", fn: slt, d, a: this.reg(a), b: this.reg(b) });
        break;
      case "gt":
        this.emit({ op: "alu", fn: slt, d, a: this.reg(b), b: this.reg(a) });
        break;
      case "le":
        this.emit({ op: "alu", fn: slt, d, a: this.reg(b), b: this.reg(a) });
        flip();
        break;
      case "ge":
        this.emit({ op: "alu", fn: slt, d, a: this.reg(a), b: this.reg(b) });
        flip();
        break;
      case "eq":
      case "ne": {
        let x;
        if (b.r === void 0 && b.imm === 0n) x = a.r;
        else if (a.r === void 0 && a.imm === 0n) x = b.r;
        else x = arith(this, "^", a, b, false).r;
        this.emit({ op: "unary", fn: rel === "eq" ? "seqz" : "snez", d, a: x });
      }
    }
    return { t: BOOL, r: d };
  }
  boolValue(e) {
    const d = this.temp();
    const t = this.newBlock(), f = this.newBlock(), after = this.newBlock();
    this.cond(e, t, f);
    this.enter(t);
    this.emit({ op: "li", d, imm: 1n });
    this.jump(after);
    this.enter(f);
    this.emit({ op: "li", d, imm: 0n });
    this.jump(after);
    this.enter(after);
    return { t: BOOL, r: d };
  }
  ternary(e) {
    const c = this.constValue(e.condition);
    if (c !== void 0) return this.expr(c !== 0n ? e.whenTrue : e.whenFalse);
    const d = this.temp();
    const t = this.newBlock(), f = this.newBlock(), after = this.newBlock();
    this.cond(e.condition, t, f);
    this.enter(t);
    const a = this.expr(e.whenTrue);
    this.emit({ op: "mv", d, a: this.reg(a) });
    this.jump(after);
    this.enter(f);
    const b = this.expr(e.whenFalse);
    this.emit({ op: "mv", d, a: this.reg(b) });
    this.jump(after);
    this.enter(after);
    return { t: unsignedPair(a, b) ? a.t.k === "ptr" ? a.t : U64 : a.t.k === "int" ? I64 : a.t, r: d };
  }
  call(e) {
    const callee = strip(e.expression);
    if (ts5.isIdentifier(callee) && !this.local(callee.text)) {
      const s = this.prog.lookup(this.mod, callee.text, callee);
      if (s && s.k === "intrinsic") return INTRINSICS[s.name](this, e);
      if (s && s.k === "func") return this.emitCall(e, s.sym, this.prog.funcSig(s));
    }
    const f = this.expr(callee);
    if (f.t.k !== "fn") fail(callee, `'${callee.getText()}' is not a function`);
    return this.emitCall(e, this.reg(f), f.t.sig);
  }
  emitCall(e, target, sig) {
    if (e.arguments.length !== sig.params.length) fail(e, `expected ${sig.params.length} argument(s), got ${e.arguments.length}`);
    const args2 = e.arguments.map((a, k) => this.reg(this.convert(this.value(a), sig.params[k])));
    const d = sig.ret.k === "void" ? void 0 : this.temp();
    this.emit({ op: "call", target, args: args2, argRegs: args2.map((_, k) => 10 + k), d });
    return d === void 0 ? { t: VOID, imm: 0n } : { t: sig.ret, r: d };
  }
};
function isStringLit(e) {
  const x = strip(e);
  return ts5.isStringLiteral(x) || ts5.isNoSubstitutionTemplateLiteral(x) || ts5.isTemplateExpression(x);
}
function strip(e) {
  while (ts5.isParenthesizedExpression(e) || ts5.isNonNullExpression(e)) e = e.expression;
  return e;
}
function unsignedPair(a, b) {
  const ua = a.r !== void 0 && isUnsigned(a.t), ub = b.r !== void 0 && isUnsigned(b.t);
  return ua || ub;
}
function relHolds(rel, a, b, unsigned) {
  const x = unsigned ? BigInt.asUintN(64, a) : a, y = unsigned ? BigInt.asUintN(64, b) : b;
  switch (rel) {
    case "lt":
      return x < y;
    case "le":
      return x <= y;
    case "gt":
      return x > y;
    case "ge":
      return x >= y;
    case "eq":
      return x === y;
    case "ne":
      return x !== y;
  }
}
function fitsIn(from, to) {
  if (to.k !== "int") return true;
  if (to.name === "bool") return from.k === "int" && from.name === "bool";
  const t = INTS[to.name];
  if (t.size === 8) return true;
  if (from.k !== "int") return false;
  const f = INTS[from.name];
  if (from.name === "bool") return true;
  if (f.signed === t.signed) return f.size <= t.size;
  return !f.signed && f.size < t.size;
}

// src/gtsc/index.ts
function compileGuest(files, options = {}) {
  const errors = [];
  const prog = new Program(files.filter((f) => !f.name.endsWith(".d.ts")), options.guestModule ?? "guest");
  prog.collect(errors);
  const asm = [];
  for (const mod of prog.modules.values()) {
    const text = compileModule(prog, mod, errors);
    asm.push({ name: `${mod.name}.s`, text });
  }
  if (errors.length > 0) throw new RvnError(errors.join("\n"));
  return { asm };
}
function guard(errors, where, f) {
  try {
    f();
  } catch (e) {
    if (e instanceof GuestError) errors.push(e.message);
    else if (e instanceof RvnError) errors.push(`${where}: ${e.message}`);
    else errors.push(`${where}: internal compiler error: ${e.message}`);
  }
}
function compileModule(prog, mod, errors) {
  const prefix = moduleName(mod.name).replace(/[^A-Za-z0-9_]/g, "_") + "_";
  const strings = new Strings(prefix);
  const text = ["	.text"];
  const sections = { ".data": [], ".bss": [], ".rodata": [] };
  for (const [name, sym0] of [...mod.scope]) {
    if (sym0.k === "import" || sym0.k === "intrinsic" || sym0.k === "builtinType") continue;
    guard(errors, `${mod.sf.fileName} (${name})`, () => {
      const sym = prog.lookup(mod, name, mod.sf);
      if (!sym) return;
      if (sym.k === "func" && sym.node.body) {
        if (sym.node.asteriskToken || hasAsync(sym.node)) throw new GuestError(`${pos(sym.node)}: async and generator functions are not supported in guest code`);
        const sig = prog.funcSig(sym);
        const ir = new FnLowerer(prog, mod, sym.node, sig, strings, mod.exported.has(name)).lower();
        text.push(emitFunction(ir, allocate(ir)));
      } else if (sym.k === "global") {
        const g = emitGlobal(prog, sym, mod.exported.has(name), strings);
        sections[g.section].push(...g.lines);
      }
    });
  }
  const out = [...text];
  if (sections[".data"].length) out.push("	.data", ...sections[".data"]);
  if (sections[".bss"].length) out.push("	.bss", ...sections[".bss"]);
  if (sections[".rodata"].length) out.push("	.section .rodata", ...sections[".rodata"]);
  out.push(...strings.emit());
  return out.join("\n") + "\n";
}
function hasAsync(node) {
  return (ts6.getModifiers(node) ?? []).some((m) => m.kind === ts6.SyntaxKind.AsyncKeyword);
}
function pos(node) {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${sf.fileName}:${line + 1}:${character + 1}`;
}

// test/gtsc/harness.ts
var HERE = dirname(fileURLToPath(import.meta.url));
var GTSC_DIR = join(HERE, "../../src/gtsc");
var RUNTIME = join(GTSC_DIR, "runtime");
var LINKER_SCRIPT = `ENTRY(_start)
SECTIONS {
  . = 0x80000000;
  .text : { *(.text.init) *(.text .text.*) }
  .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
  .data : { *(.data .data.* .sdata .sdata.*) }
  .bss : { *(.bss .bss.* .sbss .sbss.* COMMON) }
}
`;
function runtimeSources() {
  return [{ name: "src/gtsc/runtime/rt.ts", text: readFileSync(join(RUNTIME, "rt.ts"), "utf8") }];
}
function buildElf(dir, sources, opts = {}, cFiles = []) {
  const withRt = opts.runtime ?? true;
  const all = withRt ? [...runtimeSources(), ...sources] : sources;
  const { asm } = compileGuest(all);
  const objs = [];
  for (const a of [...asm, ...opts.asm ?? []]) {
    const p = join(dir, a.name.replace(/\//g, "_").replace(/\.s$/, "") + ".s");
    writeFileSync(p, a.text);
    objs.push(p);
  }
  const crt0 = join(RUNTIME, "crt0.S");
  const elf = join(dir, "prog.elf");
  const ld = join(dir, "link.ld");
  writeFileSync(ld, LINKER_SCRIPT);
  execFileSync("riscv64-unknown-elf-gcc", [
    "-march=rv64imac_zicsr_zifencei",
    "-mabi=lp64",
    "-mcmodel=medany",
    "-nostdlib",
    "-static",
    "-O2",
    `-Wl,-T,${ld}`,
    "-o",
    elf,
    crt0,
    ...objs,
    ...cFiles
  ], { stdio: "pipe" });
  return elf;
}
function runElf(elf, timeoutMs = 2e4) {
  let out;
  let status = 0;
  try {
    out = execFileSync("qemu-system-riscv64", [
      "-M",
      "virt",
      "-bios",
      "none",
      "-nographic",
      "-icount",
      "shift=0",
      "-kernel",
      elf
    ], { encoding: "utf8", timeout: timeoutMs, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e;
    if (err.stdout === void 0 || err.status === void 0 || err.status === null) throw e;
    out = err.stdout;
    status = err.status;
  }
  const m = /\n\u0001instret=(\d+)\n/.exec(out);
  const stdout = m ? out.slice(0, m.index) + out.slice(m.index + m[0].length) : out;
  return { stdout: stdout.replace(/\r\n/g, "\n"), exitCode: status, instret: m ? Number(m[1]) : void 0 };
}
async function runGuest(sources, opts = {}) {
  const dir = mkdtempSync(join(tmpdir(), "gtsc-"));
  try {
    return runElf(buildElf(dir, sources, opts), opts.timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function runC(cText) {
  const dir = mkdtempSync(join(tmpdir(), "gtsc-c-"));
  try {
    mkdirSync(dir, { recursive: true });
    const c = join(dir, "prog.c");
    writeFileSync(c, cText);
    return runElf(buildElf(dir, [], { runtime: false }, [c]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function program(...names) {
  return names.map((n) => ({ name: `test/gtsc/programs/${n}`, text: readFileSync(join(HERE, "programs", n), "utf8") }));
}
export {
  GTSC_DIR,
  buildElf,
  program,
  runC,
  runElf,
  runGuest,
  runtimeSources
};
