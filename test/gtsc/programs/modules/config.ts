// Constants and types shared between modules.
import { u64 } from '../../../../src/gtsc/guest';

export const TABLE_SIZE = 16;
export const SCALE = TABLE_SIZE * 4;

export interface Counter {
  hits: u64;
  misses: u64;
}

export const banner = 'modules ok';
