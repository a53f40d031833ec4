/** Doubly linked thread queues (run queues, endpoint and notification wait queues). */
import { Ptr, ptr } from '../../gtsc/guest';
import { Queue, Tcb } from './objects';

export function queueAppend(q: Ptr<Queue>, t: Ptr<Tcb>): void {
  t.next = ptr<Tcb>(0);
  t.prev = q.tail;
  if (q.tail !== 0) q.tail.next = t;
  else q.head = t;
  q.tail = t;
}

export function queuePrepend(q: Ptr<Queue>, t: Ptr<Tcb>): void {
  t.prev = ptr<Tcb>(0);
  t.next = q.head;
  if (q.head !== 0) q.head.prev = t;
  else q.tail = t;
  q.head = t;
}

export function queueRemove(q: Ptr<Queue>, t: Ptr<Tcb>): void {
  if (t.prev !== 0) t.prev.next = t.next;
  else q.head = t.next;
  if (t.next !== 0) t.next.prev = t.prev;
  else q.tail = t.prev;
  t.next = ptr<Tcb>(0);
  t.prev = ptr<Tcb>(0);
}
