/**
 * Notifications: a word of badge bits. Signal ORs a capability's badge in and wakes one waiter
 * (or the bound thread blocked in Recv); Wait takes the word or blocks; Poll takes it without
 * blocking. A notification with a user-interrupt receiver (uintr.ts) keeps no word: a signal
 * sets the receiver's UINTC pending bits instead, and the receiver learns of it by a user
 * interrupt, not through the kernel. A receiver blocked in Wait on such a notification is woken
 * when its entry gets bits, whoever sets them (Signal, or a uipi SEND: uintr.ts, "Waiting
 * receivers").
 */
import { Ptr, ptr, u64 } from '../../gtsc/guest';
import { A0, A1, cancelRecv } from './ipc';
import { BLOCKED_NTFN, BLOCKED_RECV, Cpu, Ntfn, RUNNING, Tcb, tcbs } from './objects';
import { queueAppend, queueRemove } from './queue';
import { count, makeReady, thisCpu } from './sched';
import { KSTAT_UINTR_SIGNALS, KSTAT_UINTR_WAKEUPS, MSG_LABEL_SHIFT, NOTIFICATION_LABEL } from './syscalls.gen';
import { uintcPending, uintcPost, uintrWaitBegin, uintrWaitEnd, uintrWaitersWithBits } from './uintr';

export function signal(n: Ptr<Ntfn>, badge: u64): void {
  const r = n.receiver;
  if (r !== 0) {
    count(thisCpu(), KSTAT_UINTR_SIGNALS);
    uintcPost(r, badge);
    // a receiver blocked in Wait has nothing that would deliver the interrupt: wake it
    if (r.state === BLOCKED_NTFN && r.blockedOn === n) {
      uintrWaitEnd(r);
      wake(n, r, 0);
    }
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
    uintrWaitBegin(t);
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


/**
 * Wakes the receivers of cpu blocked in Wait whose UINTC entries have pending bits (their Wait
 * returns 0; the bits stay pending and raise the user interrupt once they run).
 */
export function uintrWakeWaiters(cpu: Ptr<Cpu>): void {
  let m = uintrWaitersWithBits(cpu);
  for (let i = 0; m !== 0; i++) {
    if ((m & 1) !== 0) {
      const t = tcbs[i];
      uintrWaitEnd(t);
      const n = ptr<Ntfn>(t.blockedOn);
      if (t === cpu.current) {
        // it blocked in this very kernel entry: it runs on (the running thread is on no queue)
        queueRemove(n.waiters, t);
        t.blockedOn = 0;
        t.regs[A0] = 0;
        t.state = RUNNING;
      } else wake(n, t, 0);
      count(cpu, KSTAT_UINTR_WAKEUPS);
    }
    m = m >>> 1;
  }
}
