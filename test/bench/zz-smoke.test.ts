import { it } from 'vitest';
import { alu, aluReference } from '../../src/bench/workloads/alu';
import { buildWorkload, prepareRun } from '../../src/bench/runner';
it('smoke', () => {
  for (const n of [1, 2]) {
    const p = prepareRun(alu, buildWorkload(alu, { ITERS: n }), 'ideal');
    const o = p.run();
    const h = p.machine.harts[0];
    const x = (i: number) => BigInt.asUintN(64, (BigInt(h.getXHi(i)) << 32n) | BigInt(h.getXLo(i) >>> 0)).toString(16);
    const r = aluReference(n);
    console.log(n, o.exitCode, [9, 18, 19, 5].map(x), r.x.toString(16), r.a.toString(16), r.b.toString(16));
  }
});
