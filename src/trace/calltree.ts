/**
 * A call tree (one per hart) with interned function names: node = (parent, function), so a
 * path from the root is a call stack. Nodes collect the cycles and instructions spent with
 * exactly that stack; per-function self and inclusive totals are derived from the tree at the
 * end (inclusive counts a recursive function's subtree once: only nodes with no ancestor of
 * the same function contribute).
 */

export class FunctionNames {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

export const ROOT = 0;

export class CallTree {
  readonly parent: number[] = [-1];
  readonly func: number[] = [-1];
  readonly cycles: number[] = [0];
  readonly insns: number[] = [0];
  private readonly children: Map<number, number>[] = [new Map()];

  child(parent: number, func: number): number {
    const kids = this.children[parent];
    let n = kids.get(func);
    if (n === undefined) {
      n = this.parent.length;
      this.parent.push(parent);
      this.func.push(func);
      this.cycles.push(0);
      this.insns.push(0);
      this.children.push(new Map());
      kids.set(func, n);
    }
    return n;
  }

  get size(): number {
    return this.parent.length;
  }

  /** Function ids from the root to node (exclusive of the root). */
  path(node: number): number[] {
    const p: number[] = [];
    for (let n = node; n !== ROOT; n = this.parent[n]) p.push(this.func[n]);
    return p.reverse();
  }

  /** Total cycles of each node's subtree (children have larger ids than their parents). */
  subtreeCycles(): number[] {
    const total = this.cycles.slice();
    for (let n = this.size - 1; n > ROOT; n--) total[this.parent[n]] += total[n];
    return total;
  }

  /** Per function: [self cycles, inclusive cycles, instructions] indexed by function id. */
  perFunction(nFuncs: number): { self: number[]; incl: number[]; insns: number[] } {
    const self = new Array<number>(nFuncs).fill(0);
    const incl = new Array<number>(nFuncs).fill(0);
    const insns = new Array<number>(nFuncs).fill(0);
    const sub = this.subtreeCycles();
    for (let n = 1; n < this.size; n++) {
      const f = this.func[n];
      self[f] += this.cycles[n];
      insns[f] += this.insns[n];
      if (!this.hasAncestor(n, f)) incl[f] += sub[n];
    }
    return { self, incl, insns };
  }

  private hasAncestor(node: number, f: number): boolean {
    for (let n = this.parent[node]; n !== ROOT; n = this.parent[n]) if (this.func[n] === f) return true;
    return false;
  }
}
