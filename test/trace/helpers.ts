/** Test helpers: boot an assembly program on the board with observers attached. */
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import type { MachineOptions, RunLimits, RunResult } from '../../src/machine/machine';
import { idealProfile } from '../../src/timing/profiles/index';
import { attachObservers } from '../../src/trace/attach';
import type { TraceOptions } from '../../src/trace/attach';

export interface Outputs {
  /** Text written per target ('stderr' for undefined). */
  files: Map<string, string>;
  writes: number;
}

export interface Booted {
  machine: Machine;
  result: RunResult;
  out: Outputs;
}

/** Builds `source`, boots it, attaches observers per `opts`, runs and finishes. */
export function runTraced(source: string, opts: TraceOptions, limits: RunLimits, options: MachineOptions = {}, rvc = true): Booted {
  const machine = new Machine({ timing: idealProfile(), ...options }, { console: () => {} });
  const image = machine.load(buildProgram([{ name: 'test.S', text: source }], { rvc }), 'test.S');
  const out: Outputs = { files: new Map(), writes: 0 };
  const obs = attachObservers(machine, [image], opts, {
    write: (path, text) => {
      const key = path ?? 'stderr';
      out.files.set(key, (out.files.get(key) ?? '') + text);
      out.writes++;
    },
  });
  const result = machine.run(limits);
  obs.finish();
  return { machine, result, out };
}

/** Exit through the sifive test device (pass). */
export const EXIT = `
exit:
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b
`;
