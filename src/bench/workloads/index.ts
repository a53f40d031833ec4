/** The benchmark workloads, in report order. */
import type { Workload } from '../workload';
import { alu } from './alu';
import { amo } from './amo';
import { chase } from './chase';
import { dhry } from './dhry';
import { memcpy } from './memcpy';
import { muldiv } from './muldiv';
import { sort } from './sort';
import { syscall } from './syscall';
import { touch } from './touch';

export const WORKLOADS: readonly Workload[] = [dhry, alu, sort, memcpy, chase, muldiv, syscall, amo, touch];

export { alu, amo, chase, dhry, memcpy, muldiv, sort, syscall, touch };
