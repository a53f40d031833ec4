/** Trace Event Format checks shared by the timeline tests. */
import { expect } from 'vitest';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: string;
  cat?: string;
  args?: Record<string, unknown>;
}

/** Checks the Trace Event Format rules the viewers rely on; returns the events. */
export function checkTraceJson(text: string | undefined): TraceEvent[] {
  const doc = JSON.parse(text ?? '') as { traceEvents: TraceEvent[] };
  expect(Array.isArray(doc.traceEvents)).toBe(true);
  for (const e of doc.traceEvents) {
    expect(typeof e.name).toBe('string');
    expect(['M', 'X', 'i']).toContain(e.ph);
    expect(Number.isInteger(e.pid) && Number.isInteger(e.tid)).toBe(true);
    if (e.ph !== 'M') expect(typeof e.ts === 'number' && e.ts >= 0).toBe(true);
    if (e.ph === 'X') expect(typeof e.dur === 'number' && e.dur > 0).toBe(true);
    if (e.ph === 'i') expect(e.s).toBe('t');
  }
  // Complete events on one track must nest (no partial overlap).
  const spans = doc.traceEvents.filter((e) => e.ph === 'X');
  for (const a of spans) {
    for (const b of spans) {
      if (a === b || a.tid !== b.tid) continue;
      const [a0, a1, b0, b1] = [a.ts ?? 0, (a.ts ?? 0) + (a.dur ?? 0), b.ts ?? 0, (b.ts ?? 0) + (b.dur ?? 0)];
      const disjoint = a1 <= b0 || b1 <= a0;
      const nested = (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1);
      expect(disjoint || nested).toBe(true);
    }
  }
  return doc.traceEvents;
}
