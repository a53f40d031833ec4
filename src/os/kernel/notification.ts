/**
 * Notifications: a word of badge bits. Signal ORs a capability's badge in and wakes one waiter
 * (or the bound thread blocked in Recv); Wait takes the word or blocks; Poll takes it without
 * blocking. A notification with a user-interrupt receiver (uintr.ts) keeps no word: a signal
 * sets the receiver's UINTC pending bits instead, and the receiver learns of it by a user
 * interrupt, not through the kernel.
 */
import { Ptr, u64 } from '../../gtsc/guest';
import { A0, A1, cancelRecv } from './ipc';
import { BLOCKED_NTFN, BLOCKED_RECV, Ntfn, Tcb } from './objects';
import { queueAppend, queueRemove } from './queue';
import { count, makeReady, thisCpu } from './sched';
import { KSTAT_UINTR_SIGNALS, MSG_LABEL_SHIFT, NOTIFICATION_LABEL } from './syscalls.gen';
import { uintcPending, uintcPost } from './uintr';

export function signal(n: Ptr<Ntfn>, badge: u64): void {
  const r = n.receiver;
  if (r !== 0) {
    count(thisCpu(), KSTAT_UINTR_SIGNALS);
    uintcPost(r, badge);
    // a receiver blocked in Wait has nothing that would deliver the interrupt: wake it
    if (r.state === BLOCKED_NTFN && r.blockedOn === n) wake(n, r, 0);
    return;
  }
  const w = n.waiters.head;
  if (w !== 0) {
    wake(n, w, badge);
    return;
  }
  const b = n.boundTcb;
  if (b !== 0 && b.state === BLOCKED_RECV) {
    cancelRecv(b);
    b.regs[A0] = badge;
    b.regs[A1] = NOTIFICATION_LABEL << MSG_LABEL_SHIFT;
    makeReady(b);
    return;
  }
  n.word = n.word | badge;
  n.active = 1;
}

function wake(n: Ptr<Ntfn>, t: Ptr<Tcb>, word: u64): void {
  queueRemove(n.waiters, t);
  t.blockedOn = 0;
  t.regs[A0] = word;
  makeReady(t);
}

/** Wait: the word (cleared), or block. The receiver of a user-interrupt notification gets 0
 * at once when its UINTC entry has pending bits (the interrupt follows on return). */
export function wait(t: Ptr<Tcb>, n: Ptr<Ntfn>): void {
  if (n.receiver === t) {
    if (uintcPending(t) !== 0) {
      t.regs[A0] = 0;
      return;
    }
  } else if (n.active !== 0) {
    t.regs[A0] = n.word;
    n.word = 0;
    n.active = 0;
    return;
  }
  t.state = BLOCKED_NTFN;
  t.blockedOn = n;
  queueAppend(n.waiters, t);
}

export function poll(t: Ptr<Tcb>, n: Ptr<Ntfn>): void {
  t.regs[A0] = n.word;
  n.word = 0;
  n.active = 0;
}

