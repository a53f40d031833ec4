// Structs and linked lists: a node pool, list building, reversal, nested structs and arrays.
import { println, printU, printI, putchar } from '../../../src/gtsc/runtime/rt';
import { Arr, Ptr, i16, i64, ptr, sizeof, u16, u32, u64, u8, zeroed } from '../../../src/gtsc/guest';

interface Node {
  next: Ptr<Node>;
  value: u32;
  tag: u8;
}

interface Point {
  x: i16;
  y: i16;
}

interface Shape {
  kind: u8;
  corners: Arr<Point, 4>;
  name: Arr<u8, 8>;
  area: u64;
}

const pool = zeroed<Arr<Node, 16>>();
let used: u64 = 0;
const shape = zeroed<Shape>();

function alloc(value: u32): Ptr<Node> {
  const n = pool[used];
  used++;
  n.value = value;
  n.next = ptr<Node>(0);
  return n;
}

function push(head: Ptr<Node>, value: u32): Ptr<Node> {
  const n = alloc(value);
  n.next = head;
  return n;
}

function reverse(head: Ptr<Node>): Ptr<Node> {
  let prev: Ptr<Node> = ptr<Node>(0);
  let cur = head;
  while (cur !== 0) {
    const next = cur.next;
    cur.next = prev;
    prev = cur;
    cur = next;
  }
  return prev;
}

function printList(head: Ptr<Node>): void {
  for (let p = head; p !== 0; p = p.next) {
    printU(p.value);
    putchar(p.next !== 0 ? 44 : 10);
  }
}

export function main(): u64 {
  let head: Ptr<Node> = ptr<Node>(0);
  for (let i = 1; i <= 5; i++) head = push(head, i * 10);
  printList(head);
  head = reverse(head);
  printList(head);
  head.tag = 300; // truncated to u8: 44
  printU(head.tag); putchar(10);
  printU(sizeof<Node>()); putchar(32); printU(sizeof<Point>()); putchar(32); printU(sizeof<Shape>()); putchar(10);
  shape.kind = 2;
  shape.corners[0].x = -3; shape.corners[0].y = 4;
  shape.corners[3].x = 100; shape.corners[3].y = -200;
  shape.name[0] = 65; shape.name[1] = 66;
  const c = shape.corners;
  printI(c[0].x * c[3].y); putchar(10);
  shape.area = u16(70000);
  printU(shape.area); putchar(32);
  printU(shape.name[1]); putchar(10);
  // a struct on the stack
  const local = zeroed<Point>();
  local.x = 32767;
  local.x += 1; // wraps to -32768 when stored as i16
  printI(local.x); putchar(32); printI(local.y); putchar(10);
  const sp: Ptr<Point> = local;
  const big: i64 = sp.x;
  printI(big >> 4); putchar(10);
  println('ok');
  return 0;
}
