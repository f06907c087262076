// Every press's outcome, newest last, capped so a long shift cannot grow the store without bound.
import type { AuditEntry } from '../../ipc/contract.ts';
import type { AuditStore } from '../agent/ports.ts';

export const AUDIT_CAPACITY = 1000;

export function createAuditLog(store: AuditStore, capacity = AUDIT_CAPACITY) {
  let entries: AuditEntry[] = [];
  try {
    const loaded = store.load();
    entries = Array.isArray(loaded) ? loaded.slice(-capacity) : [];
  } catch {
    // An unreadable log is started afresh rather than keeping the app from starting.
    entries = [];
  }
  return {
    append(entry: AuditEntry): void {
      entries.push(entry);
      if (entries.length > capacity) entries = entries.slice(-capacity);
      store.save(entries);
    },
    entries(): AuditEntry[] {
      return [...entries];
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
