import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
it('dbg', () => {
  const text = readFileSync('examples/uintr-pingpong/pingpong.S', 'utf8');
  const elf = buildProgram([{ name: 'pingpong.S', text }]);
  let out = '';
  const m = new Machine({ harts: 2 }, { console: (b) => { out += new TextDecoder().decode(b); } });
  const img = m.load(elf, 'pingpong.S');
  console.log('entry', img.entry.toString(16));
  for (const lim of [200, 2000, 20000, 200000]) {
    const r = m.run({ maxInsns: lim });
    console.log(lim, JSON.stringify(r), JSON.stringify(out));
    for (const h of m.harts) console.log(' hart', h.hartId, h.pcHex(), 'priv', h.priv, 'mcause', h.readCsr(0x342), 'mepc', h.readCsr(0x341), 'ucause', h.readCsr(0x42), 'mip', h.readCsr(0x344), 'mie', h.readCsr(0x304), 'ustatus', h.readCsr(0), 'suist', h.readCsr(0x1b0), 'suirs', h.readCsr(0x1b1), 's2', h.getX(18), 'urets', h.urets, 'uints', h.userInterruptsTaken, 'sends', h.uipiSends);
  }
  console.log(Array.from(m.uintc.low.slice(0, 2)), Array.from(m.uintc.pendingLo.slice(0, 2)));
});
