import { Arr, Ptr, u32, u64, zeroed } from '../../../src/gtsc/guest';
interface Rec { a: u64; b: u32; next: Ptr<Rec> }
const tbl = zeroed<Arr<u64, 256>>();
function f0(p: Ptr<Rec>, n: u64): u64 { return p.a + n; }
function f1(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 1;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 1) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f0(p, n - 1);
}
function f2(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 2;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 2) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f1(p, n - 1);
}
function f3(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 3;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 3) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f2(p, n - 1);
}
function f4(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 4;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 4) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f3(p, n - 1);
}
function f5(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 5;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 5) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f4(p, n - 1);
}
function f6(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 6;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 6) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f5(p, n - 1);
}
function f7(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 7;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 7) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f6(p, n - 1);
}
function f8(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 8;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 8) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f7(p, n - 1);
}
function f9(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 9;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 9) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f8(p, n - 1);
}
function f10(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 10;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 10) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f9(p, n - 1);
}
function f11(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 11;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 11) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f10(p, n - 1);
}
function f12(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 12;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 12) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f11(p, n - 1);
}
function f13(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 13;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 13) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f12(p, n - 1);
}
function f14(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 14;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 14) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f13(p, n - 1);
}
function f15(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 15;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 15) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f14(p, n - 1);
}
function f16(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 16;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 16) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f15(p, n - 1);
}
function f17(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 17;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 17) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f16(p, n - 1);
}
function f18(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 18;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 18) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f17(p, n - 1);
}
function f19(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 19;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 19) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f18(p, n - 1);
}
function f20(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 20;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 20) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f19(p, n - 1);
}
function f21(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 21;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 21) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f20(p, n - 1);
}
function f22(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 22;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 22) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f21(p, n - 1);
}
function f23(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 23;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 23) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f22(p, n - 1);
}
function f24(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 24;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 24) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f23(p, n - 1);
}
function f25(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 25;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 25) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f24(p, n - 1);
}
function f26(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 26;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 26) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f25(p, n - 1);
}
function f27(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 27;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 27) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f26(p, n - 1);
}
function f28(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 28;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 28) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f27(p, n - 1);
}
function f29(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 29;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 29) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f28(p, n - 1);
}
function f30(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 30;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 30) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f29(p, n - 1);
}
function f31(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 31;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 31) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f30(p, n - 1);
}
function f32(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 32;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 32) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f31(p, n - 1);
}
function f33(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 33;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 33) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f32(p, n - 1);
}
function f34(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 34;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 34) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f33(p, n - 1);
}
function f35(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 35;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 35) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f34(p, n - 1);
}
function f36(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 36;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 36) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f35(p, n - 1);
}
function f37(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 37;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 37) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f36(p, n - 1);
}
function f38(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 38;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 38) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f37(p, n - 1);
}
function f39(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 39;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 39) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f38(p, n - 1);
}
function f40(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 40;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 40) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f39(p, n - 1);
}
function f41(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 41;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 41) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f40(p, n - 1);
}
function f42(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 42;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 42) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f41(p, n - 1);
}
function f43(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 43;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 43) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f42(p, n - 1);
}
function f44(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 44;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 44) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f43(p, n - 1);
}
function f45(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 45;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 45) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f44(p, n - 1);
}
function f46(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 46;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 46) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f45(p, n - 1);
}
function f47(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 47;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 47) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f46(p, n - 1);
}
function f48(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 48;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 48) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f47(p, n - 1);
}
function f49(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 49;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 49) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f48(p, n - 1);
}
function f50(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 50;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 50) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f49(p, n - 1);
}
function f51(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 51;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 51) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f50(p, n - 1);
}
function f52(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 52;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 52) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f51(p, n - 1);
}
function f53(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 53;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 53) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f52(p, n - 1);
}
function f54(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 54;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 54) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f53(p, n - 1);
}
function f55(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 55;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 55) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f54(p, n - 1);
}
function f56(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 56;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 56) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f55(p, n - 1);
}
function f57(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 57;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 57) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f56(p, n - 1);
}
function f58(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 58;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 58) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f57(p, n - 1);
}
function f59(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 59;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 59) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f58(p, n - 1);
}
function f60(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 60;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 60) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f59(p, n - 1);
}
function f61(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 61;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 61) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f60(p, n - 1);
}
function f62(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 62;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 62) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f61(p, n - 1);
}
function f63(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 63;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 63) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f62(p, n - 1);
}
function f64(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 64;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 64) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f63(p, n - 1);
}
function f65(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 65;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 65) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f64(p, n - 1);
}
function f66(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 66;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 66) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f65(p, n - 1);
}
function f67(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 67;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 67) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f66(p, n - 1);
}
function f68(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 68;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 68) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f67(p, n - 1);
}
function f69(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 69;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 69) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f68(p, n - 1);
}
function f70(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 70;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 70) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f69(p, n - 1);
}
function f71(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 71;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 71) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f70(p, n - 1);
}
function f72(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 72;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 72) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f71(p, n - 1);
}
function f73(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 73;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 73) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f72(p, n - 1);
}
function f74(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 74;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 74) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f73(p, n - 1);
}
function f75(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 75;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 75) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f74(p, n - 1);
}
function f76(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 76;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 76) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f75(p, n - 1);
}
function f77(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 77;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 77) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f76(p, n - 1);
}
function f78(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 78;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 78) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f77(p, n - 1);
}
function f79(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 79;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 79) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f78(p, n - 1);
}
function f80(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 80;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 80) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f79(p, n - 1);
}
function f81(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 81;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 81) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f80(p, n - 1);
}
function f82(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 82;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 82) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f81(p, n - 1);
}
function f83(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 83;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 83) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f82(p, n - 1);
}
function f84(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 84;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 84) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f83(p, n - 1);
}
function f85(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 85;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 85) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f84(p, n - 1);
}
function f86(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 86;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 86) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f85(p, n - 1);
}
function f87(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 87;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 87) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f86(p, n - 1);
}
function f88(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 88;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 88) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f87(p, n - 1);
}
function f89(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 89;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 89) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f88(p, n - 1);
}
function f90(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 90;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 90) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f89(p, n - 1);
}
function f91(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 91;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 91) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f90(p, n - 1);
}
function f92(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 92;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 92) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f91(p, n - 1);
}
function f93(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 93;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 93) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f92(p, n - 1);
}
function f94(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 94;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 94) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f93(p, n - 1);
}
function f95(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 95;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 95) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f94(p, n - 1);
}
function f96(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 96;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 96) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f95(p, n - 1);
}
function f97(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 97;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 97) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f96(p, n - 1);
}
function f98(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 98;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 98) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f97(p, n - 1);
}
function f99(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 99;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 99) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f98(p, n - 1);
}
function f100(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 100;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 100) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f99(p, n - 1);
}
function f101(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 101;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 101) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f100(p, n - 1);
}
function f102(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 102;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 102) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f101(p, n - 1);
}
function f103(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 103;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 103) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f102(p, n - 1);
}
function f104(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 104;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 104) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f103(p, n - 1);
}
function f105(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 105;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 105) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f104(p, n - 1);
}
function f106(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 106;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 106) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f105(p, n - 1);
}
function f107(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 107;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 107) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f106(p, n - 1);
}
function f108(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 108;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 108) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f107(p, n - 1);
}
function f109(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 109;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 109) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f108(p, n - 1);
}
function f110(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 110;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 110) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f109(p, n - 1);
}
function f111(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 111;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 111) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f110(p, n - 1);
}
function f112(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 112;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 112) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f111(p, n - 1);
}
function f113(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 113;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 113) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f112(p, n - 1);
}
function f114(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 114;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 114) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f113(p, n - 1);
}
function f115(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 115;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 115) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f114(p, n - 1);
}
function f116(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 116;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 116) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f115(p, n - 1);
}
function f117(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 117;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 117) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f116(p, n - 1);
}
function f118(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 118;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 118) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f117(p, n - 1);
}
function f119(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 119;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 119) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f118(p, n - 1);
}
function f120(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 120;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 120) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f119(p, n - 1);
}
function f121(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 121;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 121) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f120(p, n - 1);
}
function f122(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 122;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 122) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f121(p, n - 1);
}
function f123(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 123;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 123) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f122(p, n - 1);
}
function f124(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 124;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 124) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f123(p, n - 1);
}
function f125(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 125;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 125) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f124(p, n - 1);
}
function f126(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 126;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 126) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f125(p, n - 1);
}
function f127(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 127;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 127) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f126(p, n - 1);
}
function f128(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 128;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 128) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f127(p, n - 1);
}
function f129(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 129;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 129) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f128(p, n - 1);
}
function f130(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 130;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 130) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f129(p, n - 1);
}
function f131(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 131;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 131) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f130(p, n - 1);
}
function f132(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 132;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 132) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f131(p, n - 1);
}
function f133(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 133;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 133) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f132(p, n - 1);
}
function f134(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 134;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 134) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f133(p, n - 1);
}
function f135(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 135;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 135) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f134(p, n - 1);
}
function f136(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 136;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 136) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f135(p, n - 1);
}
function f137(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 137;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 137) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f136(p, n - 1);
}
function f138(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 138;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 138) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f137(p, n - 1);
}
function f139(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 139;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 139) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f138(p, n - 1);
}
function f140(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 140;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 140) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f139(p, n - 1);
}
function f141(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 141;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 141) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f140(p, n - 1);
}
function f142(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 142;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 142) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f141(p, n - 1);
}
function f143(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 143;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 143) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f142(p, n - 1);
}
function f144(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 144;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 144) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f143(p, n - 1);
}
function f145(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 145;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 145) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f144(p, n - 1);
}
function f146(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 146;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 146) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f145(p, n - 1);
}
function f147(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 147;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 147) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f146(p, n - 1);
}
function f148(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 148;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 148) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f147(p, n - 1);
}
function f149(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 149;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 149) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f148(p, n - 1);
}
function f150(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 150;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 150) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f149(p, n - 1);
}
function f151(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 151;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 151) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f150(p, n - 1);
}
function f152(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 152;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 152) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f151(p, n - 1);
}
function f153(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 153;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 153) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f152(p, n - 1);
}
function f154(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 154;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 154) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f153(p, n - 1);
}
function f155(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 155;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 155) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f154(p, n - 1);
}
function f156(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 156;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 156) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f155(p, n - 1);
}
function f157(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 157;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 157) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f156(p, n - 1);
}
function f158(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 158;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 158) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f157(p, n - 1);
}
function f159(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 159;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 159) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f158(p, n - 1);
}
function f160(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 160;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 160) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f159(p, n - 1);
}
function f161(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 161;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 161) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f160(p, n - 1);
}
function f162(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 162;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 162) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f161(p, n - 1);
}
function f163(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 163;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 163) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f162(p, n - 1);
}
function f164(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 164;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 164) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f163(p, n - 1);
}
function f165(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 165;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 165) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f164(p, n - 1);
}
function f166(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 166;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 166) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f165(p, n - 1);
}
function f167(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 167;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 167) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f166(p, n - 1);
}
function f168(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 168;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 168) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f167(p, n - 1);
}
function f169(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 169;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 169) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f168(p, n - 1);
}
function f170(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 170;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 170) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f169(p, n - 1);
}
function f171(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 171;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 171) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f170(p, n - 1);
}
function f172(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 172;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 172) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f171(p, n - 1);
}
function f173(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 173;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 173) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f172(p, n - 1);
}
function f174(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 174;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 174) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f173(p, n - 1);
}
function f175(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 175;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 175) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f174(p, n - 1);
}
function f176(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 176;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 176) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f175(p, n - 1);
}
function f177(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 177;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 177) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f176(p, n - 1);
}
function f178(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 178;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 178) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f177(p, n - 1);
}
function f179(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 179;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 179) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f178(p, n - 1);
}
function f180(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 180;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 180) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f179(p, n - 1);
}
function f181(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 181;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 181) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f180(p, n - 1);
}
function f182(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 182;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 182) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f181(p, n - 1);
}
function f183(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 183;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 183) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f182(p, n - 1);
}
function f184(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 184;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 184) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f183(p, n - 1);
}
function f185(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 185;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 185) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f184(p, n - 1);
}
function f186(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 186;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 186) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f185(p, n - 1);
}
function f187(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 187;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 187) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f186(p, n - 1);
}
function f188(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 188;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 188) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f187(p, n - 1);
}
function f189(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 189;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 189) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f188(p, n - 1);
}
function f190(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 190;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 190) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f189(p, n - 1);
}
function f191(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 191;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 191) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f190(p, n - 1);
}
function f192(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 192;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 192) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f191(p, n - 1);
}
function f193(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 193;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 193) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f192(p, n - 1);
}
function f194(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 194;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 194) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f193(p, n - 1);
}
function f195(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 195;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 195) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f194(p, n - 1);
}
function f196(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 196;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 196) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f195(p, n - 1);
}
function f197(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 197;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 197) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f196(p, n - 1);
}
function f198(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 198;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 198) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f197(p, n - 1);
}
function f199(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 199;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 199) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f198(p, n - 1);
}
function f200(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 200;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 200) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f199(p, n - 1);
}
function f201(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 201;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 201) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f200(p, n - 1);
}
function f202(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 202;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 202) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f201(p, n - 1);
}
function f203(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 203;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 203) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f202(p, n - 1);
}
function f204(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 204;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 204) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f203(p, n - 1);
}
function f205(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 205;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 205) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f204(p, n - 1);
}
function f206(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 206;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 206) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f205(p, n - 1);
}
function f207(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 207;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 207) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f206(p, n - 1);
}
function f208(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 208;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 208) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f207(p, n - 1);
}
function f209(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 209;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 209) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f208(p, n - 1);
}
function f210(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 210;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 210) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f209(p, n - 1);
}
function f211(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 211;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 211) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f210(p, n - 1);
}
function f212(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 212;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 212) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f211(p, n - 1);
}
function f213(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 213;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 213) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f212(p, n - 1);
}
function f214(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 214;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 214) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f213(p, n - 1);
}
function f215(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 215;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 215) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f214(p, n - 1);
}
function f216(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 216;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 216) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f215(p, n - 1);
}
function f217(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 217;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 217) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f216(p, n - 1);
}
function f218(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 218;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 218) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f217(p, n - 1);
}
function f219(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 219;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 219) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f218(p, n - 1);
}
function f220(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 220;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 220) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f219(p, n - 1);
}
function f221(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 221;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 221) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f220(p, n - 1);
}
function f222(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 222;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 222) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f221(p, n - 1);
}
function f223(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 223;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 223) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f222(p, n - 1);
}
function f224(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 224;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 224) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f223(p, n - 1);
}
function f225(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 225;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 225) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f224(p, n - 1);
}
function f226(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 226;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 226) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f225(p, n - 1);
}
function f227(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 227;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 227) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f226(p, n - 1);
}
function f228(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 228;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 228) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f227(p, n - 1);
}
function f229(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 229;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 229) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f228(p, n - 1);
}
function f230(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 230;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 230) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f229(p, n - 1);
}
function f231(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 231;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 231) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f230(p, n - 1);
}
function f232(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 232;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 232) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f231(p, n - 1);
}
function f233(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 233;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 233) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f232(p, n - 1);
}
function f234(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 234;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 234) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f233(p, n - 1);
}
function f235(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 235;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 235) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f234(p, n - 1);
}
function f236(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 236;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 236) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f235(p, n - 1);
}
function f237(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 237;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 237) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f236(p, n - 1);
}
function f238(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 238;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 238) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f237(p, n - 1);
}
function f239(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 239;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 239) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f238(p, n - 1);
}
function f240(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 240;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 240) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f239(p, n - 1);
}
function f241(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 241;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 241) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f240(p, n - 1);
}
function f242(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 242;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 242) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f241(p, n - 1);
}
function f243(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 243;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 243) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f242(p, n - 1);
}
function f244(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 244;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 244) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f243(p, n - 1);
}
function f245(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 245;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 245) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f244(p, n - 1);
}
function f246(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 246;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 246) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f245(p, n - 1);
}
function f247(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 247;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 247) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f246(p, n - 1);
}
function f248(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 248;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 248) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f247(p, n - 1);
}
function f249(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 249;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 249) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f248(p, n - 1);
}
function f250(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 250;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 250) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f249(p, n - 1);
}
function f251(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 251;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 251) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f250(p, n - 1);
}
function f252(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 252;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 252) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f251(p, n - 1);
}
function f253(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 253;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 253) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f252(p, n - 1);
}
function f254(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 254;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 254) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f253(p, n - 1);
}
function f255(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 255;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 255) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f254(p, n - 1);
}
function f256(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 256;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 256) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f255(p, n - 1);
}
function f257(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 257;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 257) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f256(p, n - 1);
}
function f258(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 258;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 258) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f257(p, n - 1);
}
function f259(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 259;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 259) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f258(p, n - 1);
}
function f260(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 260;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 260) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f259(p, n - 1);
}
function f261(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 261;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 261) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f260(p, n - 1);
}
function f262(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 262;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 262) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f261(p, n - 1);
}
function f263(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 263;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 263) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f262(p, n - 1);
}
function f264(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 264;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 264) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f263(p, n - 1);
}
function f265(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 265;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 265) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f264(p, n - 1);
}
function f266(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 266;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 266) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f265(p, n - 1);
}
function f267(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 267;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 267) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f266(p, n - 1);
}
function f268(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 268;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 268) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f267(p, n - 1);
}
function f269(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 269;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 269) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f268(p, n - 1);
}
function f270(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 270;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 270) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f269(p, n - 1);
}
function f271(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 271;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 271) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f270(p, n - 1);
}
function f272(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 272;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 272) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f271(p, n - 1);
}
function f273(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 273;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 273) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f272(p, n - 1);
}
function f274(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 274;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 274) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f273(p, n - 1);
}
function f275(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 275;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 275) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f274(p, n - 1);
}
function f276(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 276;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 276) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f275(p, n - 1);
}
function f277(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 277;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 277) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f276(p, n - 1);
}
function f278(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 278;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 278) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f277(p, n - 1);
}
function f279(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 279;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 279) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f278(p, n - 1);
}
function f280(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 280;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 280) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f279(p, n - 1);
}
function f281(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 281;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 281) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f280(p, n - 1);
}
function f282(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 282;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 282) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f281(p, n - 1);
}
function f283(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 283;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 283) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f282(p, n - 1);
}
function f284(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 284;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 284) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f283(p, n - 1);
}
function f285(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 285;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 285) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f284(p, n - 1);
}
function f286(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 286;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 286) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f285(p, n - 1);
}
function f287(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 287;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 287) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f286(p, n - 1);
}
function f288(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 288;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 288) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f287(p, n - 1);
}
function f289(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 289;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 289) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f288(p, n - 1);
}
function f290(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 290;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 290) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f289(p, n - 1);
}
function f291(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 291;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 291) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f290(p, n - 1);
}
function f292(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 292;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 292) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f291(p, n - 1);
}
function f293(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 293;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 293) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f292(p, n - 1);
}
function f294(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 294;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 294) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f293(p, n - 1);
}
function f295(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 295;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 295) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f294(p, n - 1);
}
function f296(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 296;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 296) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f295(p, n - 1);
}
function f297(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 297;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 297) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f296(p, n - 1);
}
function f298(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 298;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 298) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f297(p, n - 1);
}
function f299(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 299;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 299) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f298(p, n - 1);
}
function f300(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 300;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 300) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f299(p, n - 1);
}
function f301(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 301;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 301) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f300(p, n - 1);
}
function f302(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 302;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 302) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f301(p, n - 1);
}
function f303(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 303;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 303) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f302(p, n - 1);
}
function f304(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 304;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 304) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f303(p, n - 1);
}
function f305(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 305;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 305) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f304(p, n - 1);
}
function f306(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 306;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 306) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f305(p, n - 1);
}
function f307(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 307;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 307) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f306(p, n - 1);
}
function f308(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 308;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 308) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f307(p, n - 1);
}
function f309(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 309;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 309) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f308(p, n - 1);
}
function f310(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 310;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 310) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f309(p, n - 1);
}
function f311(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 311;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 311) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f310(p, n - 1);
}
function f312(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 312;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 312) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f311(p, n - 1);
}
function f313(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 313;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 313) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f312(p, n - 1);
}
function f314(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 314;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 314) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f313(p, n - 1);
}
function f315(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 315;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 315) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f314(p, n - 1);
}
function f316(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 316;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 316) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f315(p, n - 1);
}
function f317(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 317;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 317) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f316(p, n - 1);
}
function f318(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 318;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 318) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f317(p, n - 1);
}
function f319(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 319;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 319) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f318(p, n - 1);
}
function f320(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 320;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 320) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f319(p, n - 1);
}
function f321(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 321;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 321) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f320(p, n - 1);
}
function f322(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 322;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 322) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f321(p, n - 1);
}
function f323(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 323;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 323) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f322(p, n - 1);
}
function f324(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 324;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 324) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f323(p, n - 1);
}
function f325(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 325;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 325) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f324(p, n - 1);
}
function f326(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 326;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 326) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f325(p, n - 1);
}
function f327(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 327;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 327) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f326(p, n - 1);
}
function f328(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 328;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 328) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f327(p, n - 1);
}
function f329(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 329;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 329) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f328(p, n - 1);
}
function f330(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 330;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 330) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f329(p, n - 1);
}
function f331(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 331;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 331) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f330(p, n - 1);
}
function f332(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 332;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 332) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f331(p, n - 1);
}
function f333(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 333;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 333) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f332(p, n - 1);
}
function f334(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 334;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 334) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f333(p, n - 1);
}
function f335(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 335;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 335) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f334(p, n - 1);
}
function f336(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 336;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 336) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f335(p, n - 1);
}
function f337(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 337;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 337) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f336(p, n - 1);
}
function f338(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 338;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 338) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f337(p, n - 1);
}
function f339(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 339;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 339) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f338(p, n - 1);
}
function f340(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 340;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 340) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f339(p, n - 1);
}
function f341(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 341;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 341) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f340(p, n - 1);
}
function f342(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 342;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 342) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f341(p, n - 1);
}
function f343(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 343;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 343) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f342(p, n - 1);
}
function f344(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 344;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 344) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f343(p, n - 1);
}
function f345(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 345;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 345) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f344(p, n - 1);
}
function f346(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 346;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 346) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f345(p, n - 1);
}
function f347(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 347;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 347) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f346(p, n - 1);
}
function f348(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 348;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 348) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f347(p, n - 1);
}
function f349(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 349;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 349) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f348(p, n - 1);
}
function f350(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 350;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 350) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f349(p, n - 1);
}
function f351(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 351;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 351) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f350(p, n - 1);
}
function f352(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 352;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 352) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f351(p, n - 1);
}
function f353(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 353;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 353) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f352(p, n - 1);
}
function f354(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 354;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 354) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f353(p, n - 1);
}
function f355(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 355;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 355) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f354(p, n - 1);
}
function f356(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 356;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 356) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f355(p, n - 1);
}
function f357(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 357;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 357) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f356(p, n - 1);
}
function f358(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 358;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 358) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f357(p, n - 1);
}
function f359(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 359;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 359) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f358(p, n - 1);
}
function f360(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 360;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 360) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f359(p, n - 1);
}
function f361(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 361;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 361) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f360(p, n - 1);
}
function f362(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 362;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 362) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f361(p, n - 1);
}
function f363(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 363;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 363) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f362(p, n - 1);
}
function f364(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 364;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 364) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f363(p, n - 1);
}
function f365(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 365;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 365) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f364(p, n - 1);
}
function f366(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 366;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 366) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f365(p, n - 1);
}
function f367(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 367;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 367) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f366(p, n - 1);
}
function f368(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 368;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 368) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f367(p, n - 1);
}
function f369(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 369;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 369) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f368(p, n - 1);
}
function f370(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 370;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 370) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f369(p, n - 1);
}
function f371(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 371;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 371) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f370(p, n - 1);
}
function f372(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 372;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 372) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f371(p, n - 1);
}
function f373(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 373;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 373) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f372(p, n - 1);
}
function f374(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 374;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 374) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f373(p, n - 1);
}
function f375(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 375;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 375) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f374(p, n - 1);
}
function f376(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 376;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 376) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f375(p, n - 1);
}
function f377(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 377;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 377) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f376(p, n - 1);
}
function f378(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 378;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 378) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f377(p, n - 1);
}
function f379(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 379;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 379) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f378(p, n - 1);
}
function f380(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 380;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 380) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f379(p, n - 1);
}
function f381(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 381;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 381) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f380(p, n - 1);
}
function f382(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 382;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 382) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f381(p, n - 1);
}
function f383(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 383;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 383) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f382(p, n - 1);
}
function f384(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 384;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 384) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f383(p, n - 1);
}
function f385(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 385;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 385) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f384(p, n - 1);
}
function f386(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 386;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 386) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f385(p, n - 1);
}
function f387(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 387;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 387) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f386(p, n - 1);
}
function f388(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 388;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 388) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f387(p, n - 1);
}
function f389(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 389;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 389) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f388(p, n - 1);
}
function f390(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 390;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 390) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f389(p, n - 1);
}
function f391(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 391;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 391) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f390(p, n - 1);
}
function f392(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 392;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 392) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f391(p, n - 1);
}
function f393(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 393;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 393) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f392(p, n - 1);
}
function f394(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 394;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 394) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f393(p, n - 1);
}
function f395(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 395;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 395) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f394(p, n - 1);
}
function f396(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 396;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 396) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f395(p, n - 1);
}
function f397(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 397;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 397) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f396(p, n - 1);
}
function f398(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 398;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 398) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f397(p, n - 1);
}
function f399(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 399;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 399) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f398(p, n - 1);
}
function f400(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 400;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 400) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f399(p, n - 1);
}
function f401(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 401;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 401) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f400(p, n - 1);
}
function f402(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 402;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 402) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f401(p, n - 1);
}
function f403(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 403;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 403) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f402(p, n - 1);
}
function f404(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 404;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 404) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f403(p, n - 1);
}
function f405(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 405;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 405) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f404(p, n - 1);
}
function f406(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 406;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 406) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f405(p, n - 1);
}
function f407(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 407;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 407) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f406(p, n - 1);
}
function f408(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 408;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 408) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f407(p, n - 1);
}
function f409(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 409;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 409) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f408(p, n - 1);
}
function f410(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 410;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 410) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f409(p, n - 1);
}
function f411(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 411;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 411) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f410(p, n - 1);
}
function f412(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 412;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 412) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f411(p, n - 1);
}
function f413(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 413;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 413) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f412(p, n - 1);
}
function f414(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 414;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 414) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f413(p, n - 1);
}
function f415(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 415;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 415) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f414(p, n - 1);
}
function f416(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 416;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 416) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f415(p, n - 1);
}
function f417(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 417;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 417) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f416(p, n - 1);
}
function f418(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 418;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 418) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f417(p, n - 1);
}
function f419(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 419;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 419) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f418(p, n - 1);
}
function f420(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 420;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 420) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f419(p, n - 1);
}
function f421(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 421;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 421) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f420(p, n - 1);
}
function f422(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 422;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 422) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f421(p, n - 1);
}
function f423(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 423;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 423) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f422(p, n - 1);
}
function f424(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 424;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 424) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f423(p, n - 1);
}
function f425(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 425;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 425) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f424(p, n - 1);
}
function f426(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 426;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 426) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f425(p, n - 1);
}
function f427(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 427;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 427) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f426(p, n - 1);
}
function f428(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 428;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 428) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f427(p, n - 1);
}
function f429(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 429;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 429) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f428(p, n - 1);
}
function f430(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 430;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 430) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f429(p, n - 1);
}
function f431(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 431;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 431) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f430(p, n - 1);
}
function f432(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 432;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 432) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f431(p, n - 1);
}
function f433(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 433;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 433) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f432(p, n - 1);
}
function f434(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 434;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 434) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f433(p, n - 1);
}
function f435(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 435;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 435) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f434(p, n - 1);
}
function f436(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 436;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 436) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f435(p, n - 1);
}
function f437(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 437;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 437) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f436(p, n - 1);
}
function f438(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 438;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 438) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f437(p, n - 1);
}
function f439(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 439;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 439) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f438(p, n - 1);
}
function f440(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 440;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 440) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f439(p, n - 1);
}
function f441(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 441;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 441) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f440(p, n - 1);
}
function f442(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 442;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 442) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f441(p, n - 1);
}
function f443(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 443;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 443) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f442(p, n - 1);
}
function f444(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 444;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 444) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f443(p, n - 1);
}
function f445(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 445;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 445) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f444(p, n - 1);
}
function f446(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 446;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 446) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f445(p, n - 1);
}
function f447(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 447;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 447) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f446(p, n - 1);
}
function f448(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 448;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 448) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f447(p, n - 1);
}
function f449(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 449;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 449) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f448(p, n - 1);
}
function f450(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 450;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 450) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f449(p, n - 1);
}
function f451(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 451;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 451) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f450(p, n - 1);
}
function f452(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 452;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 452) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f451(p, n - 1);
}
function f453(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 453;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 453) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f452(p, n - 1);
}
function f454(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 454;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 454) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f453(p, n - 1);
}
function f455(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 455;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 455) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f454(p, n - 1);
}
function f456(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 456;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 456) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f455(p, n - 1);
}
function f457(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 457;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 457) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f456(p, n - 1);
}
function f458(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 458;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 458) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f457(p, n - 1);
}
function f459(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 459;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 459) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f458(p, n - 1);
}
function f460(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 460;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 460) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f459(p, n - 1);
}
function f461(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 461;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 461) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f460(p, n - 1);
}
function f462(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 462;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 462) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f461(p, n - 1);
}
function f463(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 463;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 463) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f462(p, n - 1);
}
function f464(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 464;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 464) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f463(p, n - 1);
}
function f465(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 465;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 465) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f464(p, n - 1);
}
function f466(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 466;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 466) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f465(p, n - 1);
}
function f467(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 467;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 467) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f466(p, n - 1);
}
function f468(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 468;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 468) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f467(p, n - 1);
}
function f469(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 469;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 469) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f468(p, n - 1);
}
function f470(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 470;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 470) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f469(p, n - 1);
}
function f471(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 471;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 471) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f470(p, n - 1);
}
function f472(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 472;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 472) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f471(p, n - 1);
}
function f473(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 473;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 473) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f472(p, n - 1);
}
function f474(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 474;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 474) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f473(p, n - 1);
}
function f475(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 475;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 475) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f474(p, n - 1);
}
function f476(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 476;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 476) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f475(p, n - 1);
}
function f477(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 477;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 477) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f476(p, n - 1);
}
function f478(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 478;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 478) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f477(p, n - 1);
}
function f479(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 479;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 479) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f478(p, n - 1);
}
function f480(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 480;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 480) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f479(p, n - 1);
}
function f481(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 481;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 481) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f480(p, n - 1);
}
function f482(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 482;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 482) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f481(p, n - 1);
}
function f483(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 483;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 483) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f482(p, n - 1);
}
function f484(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 484;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 484) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f483(p, n - 1);
}
function f485(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 485;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 485) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f484(p, n - 1);
}
function f486(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 486;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 486) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f485(p, n - 1);
}
function f487(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 487;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 487) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f486(p, n - 1);
}
function f488(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 488;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 488) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f487(p, n - 1);
}
function f489(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 489;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 489) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f488(p, n - 1);
}
function f490(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 490;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 490) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f489(p, n - 1);
}
function f491(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 491;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 491) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f490(p, n - 1);
}
function f492(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 492;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 492) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f491(p, n - 1);
}
function f493(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 493;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 493) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f492(p, n - 1);
}
function f494(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 494;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 494) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f493(p, n - 1);
}
function f495(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 495;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 495) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f494(p, n - 1);
}
function f496(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 496;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 496) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f495(p, n - 1);
}
function f497(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 497;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 497) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f496(p, n - 1);
}
function f498(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 498;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 498) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f497(p, n - 1);
}
function f499(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 499;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 499) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f498(p, n - 1);
}
function f500(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 500;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 500) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f499(p, n - 1);
}
function f501(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 501;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 501) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f500(p, n - 1);
}
function f502(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 502;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 502) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f501(p, n - 1);
}
function f503(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 503;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 503) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f502(p, n - 1);
}
function f504(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 504;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 504) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f503(p, n - 1);
}
function f505(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 505;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 505) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f504(p, n - 1);
}
function f506(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 506;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 506) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f505(p, n - 1);
}
function f507(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 507;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 507) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f506(p, n - 1);
}
function f508(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 508;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 508) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f507(p, n - 1);
}
function f509(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 509;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 509) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f508(p, n - 1);
}
function f510(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 510;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 510) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f509(p, n - 1);
}
function f511(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 511;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 511) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f510(p, n - 1);
}
function f512(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 512;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 512) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f511(p, n - 1);
}
function f513(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 513;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 513) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f512(p, n - 1);
}
function f514(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 514;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 514) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f513(p, n - 1);
}
function f515(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 515;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 515) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f514(p, n - 1);
}
function f516(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 516;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 516) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f515(p, n - 1);
}
function f517(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 517;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 517) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f516(p, n - 1);
}
function f518(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 518;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 518) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f517(p, n - 1);
}
function f519(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 519;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 519) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f518(p, n - 1);
}
function f520(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 520;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 520) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f519(p, n - 1);
}
function f521(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 521;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 521) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f520(p, n - 1);
}
function f522(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 522;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 522) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f521(p, n - 1);
}
function f523(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 523;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 523) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f522(p, n - 1);
}
function f524(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 524;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 524) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f523(p, n - 1);
}
function f525(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 525;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 525) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f524(p, n - 1);
}
function f526(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 526;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 526) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f525(p, n - 1);
}
function f527(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 527;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 527) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f526(p, n - 1);
}
function f528(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 528;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 528) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f527(p, n - 1);
}
function f529(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 529;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 529) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f528(p, n - 1);
}
function f530(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 530;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 530) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f529(p, n - 1);
}
function f531(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 531;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 531) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f530(p, n - 1);
}
function f532(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 532;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 532) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f531(p, n - 1);
}
function f533(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 533;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 533) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f532(p, n - 1);
}
function f534(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 534;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 534) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f533(p, n - 1);
}
function f535(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 535;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 535) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f534(p, n - 1);
}
function f536(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 536;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 536) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f535(p, n - 1);
}
function f537(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 537;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 537) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f536(p, n - 1);
}
function f538(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 538;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 538) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f537(p, n - 1);
}
function f539(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 539;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 539) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f538(p, n - 1);
}
function f540(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 540;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 540) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f539(p, n - 1);
}
function f541(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 541;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 541) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f540(p, n - 1);
}
function f542(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 542;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 542) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f541(p, n - 1);
}
function f543(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 543;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 543) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f542(p, n - 1);
}
function f544(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 544;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 544) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f543(p, n - 1);
}
function f545(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 545;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 545) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f544(p, n - 1);
}
function f546(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 546;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 546) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f545(p, n - 1);
}
function f547(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 547;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 547) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f546(p, n - 1);
}
function f548(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 548;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 548) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f547(p, n - 1);
}
function f549(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 549;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 549) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f548(p, n - 1);
}
function f550(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 550;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 550) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f549(p, n - 1);
}
function f551(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 551;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 551) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f550(p, n - 1);
}
function f552(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 552;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 552) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f551(p, n - 1);
}
function f553(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 553;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 553) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f552(p, n - 1);
}
function f554(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 554;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 554) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f553(p, n - 1);
}
function f555(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 555;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 555) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f554(p, n - 1);
}
function f556(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 556;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 556) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f555(p, n - 1);
}
function f557(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 557;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 557) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f556(p, n - 1);
}
function f558(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 558;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 558) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f557(p, n - 1);
}
function f559(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 559;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 559) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f558(p, n - 1);
}
function f560(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 560;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 560) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f559(p, n - 1);
}
function f561(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 561;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 561) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f560(p, n - 1);
}
function f562(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 562;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 562) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f561(p, n - 1);
}
function f563(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 563;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 563) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f562(p, n - 1);
}
function f564(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 564;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 564) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f563(p, n - 1);
}
function f565(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 565;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 565) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f564(p, n - 1);
}
function f566(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 566;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 566) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f565(p, n - 1);
}
function f567(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 567;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 567) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f566(p, n - 1);
}
function f568(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 568;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 568) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f567(p, n - 1);
}
function f569(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 569;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 569) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f568(p, n - 1);
}
function f570(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 570;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 570) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f569(p, n - 1);
}
function f571(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 571;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 571) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f570(p, n - 1);
}
function f572(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 572;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 572) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f571(p, n - 1);
}
function f573(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 573;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 573) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f572(p, n - 1);
}
function f574(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 574;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 574) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f573(p, n - 1);
}
function f575(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 575;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 575) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f574(p, n - 1);
}
function f576(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 576;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 576) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f575(p, n - 1);
}
function f577(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 577;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 577) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f576(p, n - 1);
}
function f578(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 578;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 578) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f577(p, n - 1);
}
function f579(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 579;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 579) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f578(p, n - 1);
}
function f580(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 580;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 580) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f579(p, n - 1);
}
function f581(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 581;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 581) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f580(p, n - 1);
}
function f582(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 582;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 582) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f581(p, n - 1);
}
function f583(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 583;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 583) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f582(p, n - 1);
}
function f584(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 584;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 584) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f583(p, n - 1);
}
function f585(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 585;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 585) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f584(p, n - 1);
}
function f586(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 586;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 586) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f585(p, n - 1);
}
function f587(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 587;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 587) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f586(p, n - 1);
}
function f588(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 588;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 588) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f587(p, n - 1);
}
function f589(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 589;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 589) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f588(p, n - 1);
}
function f590(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 590;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 590) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f589(p, n - 1);
}
function f591(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 591;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 591) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f590(p, n - 1);
}
function f592(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 592;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 592) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f591(p, n - 1);
}
function f593(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 593;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 593) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f592(p, n - 1);
}
function f594(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 594;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 594) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f593(p, n - 1);
}
function f595(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 595;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 595) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f594(p, n - 1);
}
function f596(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 596;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 596) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f595(p, n - 1);
}
function f597(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 597;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 597) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f596(p, n - 1);
}
function f598(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 598;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 598) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f597(p, n - 1);
}
function f599(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 599;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 599) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f598(p, n - 1);
}
function f600(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 600;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 600) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f599(p, n - 1);
}
function f601(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 601;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 601) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f600(p, n - 1);
}
function f602(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 602;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 602) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f601(p, n - 1);
}
function f603(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 603;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 603) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f602(p, n - 1);
}
function f604(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 604;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 604) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f603(p, n - 1);
}
function f605(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 605;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 605) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f604(p, n - 1);
}
function f606(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 606;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 606) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f605(p, n - 1);
}
function f607(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 607;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 607) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f606(p, n - 1);
}
function f608(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 608;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 608) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f607(p, n - 1);
}
function f609(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 609;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 609) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f608(p, n - 1);
}
function f610(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 610;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 610) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f609(p, n - 1);
}
function f611(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 611;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 611) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f610(p, n - 1);
}
function f612(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 612;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 612) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f611(p, n - 1);
}
function f613(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 613;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 613) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f612(p, n - 1);
}
function f614(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 614;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 614) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f613(p, n - 1);
}
function f615(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 615;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 615) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f614(p, n - 1);
}
function f616(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 616;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 616) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f615(p, n - 1);
}
function f617(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 617;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 617) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f616(p, n - 1);
}
function f618(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 618;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 618) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f617(p, n - 1);
}
function f619(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 619;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 619) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f618(p, n - 1);
}
function f620(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 620;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 620) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f619(p, n - 1);
}
function f621(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 621;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 621) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f620(p, n - 1);
}
function f622(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 622;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 622) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f621(p, n - 1);
}
function f623(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 623;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 623) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f622(p, n - 1);
}
function f624(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 624;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 624) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f623(p, n - 1);
}
function f625(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 625;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 625) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f624(p, n - 1);
}
function f626(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 626;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 626) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f625(p, n - 1);
}
function f627(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 627;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 627) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f626(p, n - 1);
}
function f628(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 628;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 628) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f627(p, n - 1);
}
function f629(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 629;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 629) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f628(p, n - 1);
}
function f630(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 630;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 630) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f629(p, n - 1);
}
function f631(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 631;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 631) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f630(p, n - 1);
}
function f632(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 632;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 632) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f631(p, n - 1);
}
function f633(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 633;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 633) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f632(p, n - 1);
}
function f634(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 634;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 634) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f633(p, n - 1);
}
function f635(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 635;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 635) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f634(p, n - 1);
}
function f636(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 636;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 636) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f635(p, n - 1);
}
function f637(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 637;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 637) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f636(p, n - 1);
}
function f638(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 638;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 638) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f637(p, n - 1);
}
function f639(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 639;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 639) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f638(p, n - 1);
}
function f640(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 640;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 640) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f639(p, n - 1);
}
function f641(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 641;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 641) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f640(p, n - 1);
}
function f642(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 642;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 642) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f641(p, n - 1);
}
function f643(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 643;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 643) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f642(p, n - 1);
}
function f644(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 644;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 644) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f643(p, n - 1);
}
function f645(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 645;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 645) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f644(p, n - 1);
}
function f646(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 646;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 646) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f645(p, n - 1);
}
function f647(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 647;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 647) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f646(p, n - 1);
}
function f648(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 648;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 648) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f647(p, n - 1);
}
function f649(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 649;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 649) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f648(p, n - 1);
}
function f650(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 650;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 650) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f649(p, n - 1);
}
function f651(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 651;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 651) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f650(p, n - 1);
}
function f652(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 652;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 652) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f651(p, n - 1);
}
function f653(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 653;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 653) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f652(p, n - 1);
}
function f654(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 654;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 654) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f653(p, n - 1);
}
function f655(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 655;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 655) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f654(p, n - 1);
}
function f656(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 656;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 656) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f655(p, n - 1);
}
function f657(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 657;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 657) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f656(p, n - 1);
}
function f658(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 658;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 658) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f657(p, n - 1);
}
function f659(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 659;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 659) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f658(p, n - 1);
}
function f660(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 660;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 660) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f659(p, n - 1);
}
function f661(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 661;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 661) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f660(p, n - 1);
}
function f662(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 662;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 662) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f661(p, n - 1);
}
function f663(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 663;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 663) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f662(p, n - 1);
}
function f664(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 664;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 664) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f663(p, n - 1);
}
function f665(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 665;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 665) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f664(p, n - 1);
}
function f666(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 666;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 666) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f665(p, n - 1);
}
function f667(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 667;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 667) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f666(p, n - 1);
}
function f668(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 668;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 668) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f667(p, n - 1);
}
function f669(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 669;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 669) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f668(p, n - 1);
}
function f670(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 670;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 670) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f669(p, n - 1);
}
function f671(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 671;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 671) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f670(p, n - 1);
}
function f672(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 672;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 672) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f671(p, n - 1);
}
function f673(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 673;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 673) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f672(p, n - 1);
}
function f674(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 674;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 674) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f673(p, n - 1);
}
function f675(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 675;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 675) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f674(p, n - 1);
}
function f676(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 676;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 676) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f675(p, n - 1);
}
function f677(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 677;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 677) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f676(p, n - 1);
}
function f678(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 678;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 678) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f677(p, n - 1);
}
function f679(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 679;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 679) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f678(p, n - 1);
}
function f680(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 680;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 680) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f679(p, n - 1);
}
function f681(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 681;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 681) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f680(p, n - 1);
}
function f682(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 682;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 682) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f681(p, n - 1);
}
function f683(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 683;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 683) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f682(p, n - 1);
}
function f684(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 684;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 684) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f683(p, n - 1);
}
function f685(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 685;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 685) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f684(p, n - 1);
}
function f686(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 686;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 686) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f685(p, n - 1);
}
function f687(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 687;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 687) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f686(p, n - 1);
}
function f688(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 688;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 688) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f687(p, n - 1);
}
function f689(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 689;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 689) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f688(p, n - 1);
}
function f690(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 690;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 690) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f689(p, n - 1);
}
function f691(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 691;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 691) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f690(p, n - 1);
}
function f692(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 692;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 692) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f691(p, n - 1);
}
function f693(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 693;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 693) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f692(p, n - 1);
}
function f694(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 694;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 694) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f693(p, n - 1);
}
function f695(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 695;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 695) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f694(p, n - 1);
}
function f696(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 696;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 696) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f695(p, n - 1);
}
function f697(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 697;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 697) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f696(p, n - 1);
}
function f698(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 698;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 698) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f697(p, n - 1);
}
function f699(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 699;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 699) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f698(p, n - 1);
}
function f700(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 700;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 700) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f699(p, n - 1);
}
function f701(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 701;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 701) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f700(p, n - 1);
}
function f702(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 702;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 702) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f701(p, n - 1);
}
function f703(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 703;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 703) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f702(p, n - 1);
}
function f704(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 704;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 704) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f703(p, n - 1);
}
function f705(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 705;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 705) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f704(p, n - 1);
}
function f706(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 706;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 706) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f705(p, n - 1);
}
function f707(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 707;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 707) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f706(p, n - 1);
}
function f708(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 708;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 708) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f707(p, n - 1);
}
function f709(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 709;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 709) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f708(p, n - 1);
}
function f710(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 710;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 710) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f709(p, n - 1);
}
function f711(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 711;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 711) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f710(p, n - 1);
}
function f712(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 712;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 712) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f711(p, n - 1);
}
function f713(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 713;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 713) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f712(p, n - 1);
}
function f714(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 714;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 714) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f713(p, n - 1);
}
function f715(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 715;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 715) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f714(p, n - 1);
}
function f716(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 716;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 716) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f715(p, n - 1);
}
function f717(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 717;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 717) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f716(p, n - 1);
}
function f718(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 718;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 718) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f717(p, n - 1);
}
function f719(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 719;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 719) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f718(p, n - 1);
}
function f720(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 720;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 720) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f719(p, n - 1);
}
function f721(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 721;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 721) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f720(p, n - 1);
}
function f722(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 722;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 722) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f721(p, n - 1);
}
function f723(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 723;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 723) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f722(p, n - 1);
}
function f724(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 724;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 724) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f723(p, n - 1);
}
function f725(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 725;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 725) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f724(p, n - 1);
}
function f726(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 726;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 726) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f725(p, n - 1);
}
function f727(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 727;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 727) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f726(p, n - 1);
}
function f728(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 728;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 728) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f727(p, n - 1);
}
function f729(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 729;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 729) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f728(p, n - 1);
}
function f730(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 730;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 730) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f729(p, n - 1);
}
function f731(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 731;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 731) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f730(p, n - 1);
}
function f732(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 732;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 732) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f731(p, n - 1);
}
function f733(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 733;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 733) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f732(p, n - 1);
}
function f734(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 734;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 734) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f733(p, n - 1);
}
function f735(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 735;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 735) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f734(p, n - 1);
}
function f736(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 736;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 736) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f735(p, n - 1);
}
function f737(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 737;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 737) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f736(p, n - 1);
}
function f738(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 738;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 738) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f737(p, n - 1);
}
function f739(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 739;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 739) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f738(p, n - 1);
}
function f740(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 740;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 740) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f739(p, n - 1);
}
function f741(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 741;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 741) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f740(p, n - 1);
}
function f742(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 742;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 742) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f741(p, n - 1);
}
function f743(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 743;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 743) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f742(p, n - 1);
}
function f744(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 744;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 744) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f743(p, n - 1);
}
function f745(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 745;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 745) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f744(p, n - 1);
}
function f746(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 746;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 746) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f745(p, n - 1);
}
function f747(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 747;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 747) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f746(p, n - 1);
}
function f748(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 748;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 748) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f747(p, n - 1);
}
function f749(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 749;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 749) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f748(p, n - 1);
}
function f750(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 750;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 750) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f749(p, n - 1);
}
function f751(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 751;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 751) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f750(p, n - 1);
}
function f752(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 752;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 752) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f751(p, n - 1);
}
function f753(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 753;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 753) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f752(p, n - 1);
}
function f754(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 754;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 754) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f753(p, n - 1);
}
function f755(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 755;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 755) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f754(p, n - 1);
}
function f756(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 756;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 756) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f755(p, n - 1);
}
function f757(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 757;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 757) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f756(p, n - 1);
}
function f758(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 758;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 758) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f757(p, n - 1);
}
function f759(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 759;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 759) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f758(p, n - 1);
}
function f760(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 760;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 760) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f759(p, n - 1);
}
function f761(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 761;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 761) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f760(p, n - 1);
}
function f762(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 762;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 762) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f761(p, n - 1);
}
function f763(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 763;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 763) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f762(p, n - 1);
}
function f764(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 764;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 764) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f763(p, n - 1);
}
function f765(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 765;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 765) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f764(p, n - 1);
}
function f766(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 766;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 766) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f765(p, n - 1);
}
function f767(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 767;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 767) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f766(p, n - 1);
}
function f768(p: Ptr<Rec>, n: u64): u64 {
  let s: u64 = 768;
  for (let i: u64 = 0; i < n; i++) {
    s = s * 31 + tbl[(i + 768) & 255];
    if (p.b > s) p.a = p.a + i;
    else s ^= p.a >>> 3;
  }
  while (p !== 0 && s < 1000) {
    s += p.b;
    p = p.next;
  }
  return s + f767(p, n - 1);
}
export function main(): u64 { return f768(ptr0(), 3); }
function ptr0(): Ptr<Rec> { return tbl as Ptr<Rec>; }
