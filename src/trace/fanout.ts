/** Several observers on one hart (trace + profile + timeline), called in a fixed order. */
import type { CommitInfo, Hart, HartObserver } from '../cpu/hart';

export class FanOut implements HartObserver {
  constructor(private readonly list: readonly HartObserver[]) {}

  commit(hart: Hart, c: Readonly<CommitInfo>): void {
    const l = this.list;
    for (let i = 0; i < l.length; i++) l[i].commit(hart, c);
  }

  trap(hart: Hart, isInterrupt: boolean, cause: number, epc: number): void {
    const l = this.list;
    for (let i = 0; i < l.length; i++) l[i].trap?.(hart, isInterrupt, cause, epc);
  }
}

/** One observer as is, several through a FanOut, none as undefined (the hart's fast loop). */
export function combine(list: readonly HartObserver[]): HartObserver | undefined {
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : new FanOut(list);
}
