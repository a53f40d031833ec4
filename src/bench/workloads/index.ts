/** The benchmark workloads, in report order (the boot-image workloads last). */
import type { Workload } from '../workload';
import { alu } from './alu';
import { amo } from './amo';
import { chase } from './chase';
import { codedata } from './codedata';
import { dhry } from './dhry';
import { kcall } from './kcall';
import { kcall2 } from './kcall2';
import { kipc, kipc2 } from './kipc';
import { memcpy } from './memcpy';
import { mmio } from './mmio';
import { muldiv } from './muldiv';
import { sort } from './sort';
import { syscall } from './syscall';
import { touch } from './touch';
import { uintr } from './uintr';

export const WORKLOADS: readonly Workload[] = [dhry, alu, sort, memcpy, chase, muldiv, syscall, amo, touch, kcall, kcall2, uintr, mmio, codedata, kipc, kipc2];

export { alu, amo, chase, codedata, dhry, kcall, kcall2, kipc, kipc2, memcpy, mmio, muldiv, sort, syscall, touch, uintr };
