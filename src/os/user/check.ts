/**
 * The checks of the guest test suites (kernel-tests, runtime-tests): a test runs its checks,
 * the first one that fails is kept with the value it saw, and the suite writes one line per
 * test: "test NAME: ok", "test NAME: skipped (why)" or "test NAME: FAILED (what: got N = 0xN)".
 */
import { Ptr, cstr, i64, u64 } from '../../gtsc/guest';
import { Line, lineChar, lineHex, lineSigned, lineStr } from './lib';

let failure: u64 = 0; // the first failed check of the current test (a string), 0 if none
let failedAt: i64 = 0;

export const TEST_OK = 0;
export const TEST_FAILED = 1;
export const TEST_SKIPPED = 2;

export function check(ok: u64, what: u64, value: i64): void {
  if (ok === 0 && failure === 0) {
    failure = what;
    failedAt = value;
  }
}

/** check(a === b) that reports the value it got. */
export function expectEq(got: i64, want: i64, what: u64): void {
  check(got === want ? 1 : 0, what, got);
}

/** Before each test: no check has failed yet. */
export function testBegin(): void {
  failure = 0;
}

/** After a test (skip: why it did not run, or 0): its line, ended by a newline, into l; the outcome. */
export function testEnd(l: Ptr<Line>, name: u64, skip: u64): u64 {
  lineStr(l, cstr('test '));
  lineStr(l, name);
  let outcome: u64 = TEST_OK;
  if (failure !== 0) {
    lineStr(l, cstr(': FAILED ('));
    lineStr(l, failure);
    lineStr(l, cstr(': got '));
    lineSigned(l, failedAt);
    lineStr(l, cstr(' = '));
    lineHex(l, failedAt);
    lineChar(l, 41);
    outcome = TEST_FAILED;
  } else if (skip !== 0) {
    lineStr(l, cstr(': skipped ('));
    lineStr(l, skip);
    lineChar(l, 41);
    outcome = TEST_SKIPPED;
  } else lineStr(l, cstr(': ok'));
  lineChar(l, 10);
  return outcome;
}
