import { readFileSync } from 'node:fs';

/** This process's peak RSS in bytes (`maxRSS` from getrusage, which Linux keeps in KiB). */
export function readPeakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Peak RSS in bytes of another process, from `/proc/<pid>/status` (`VmHWM`), or `undefined`
 * where there is no /proc or the process is gone. Polled by the memory runner so that a child
 * that dies (out of memory) still leaves its last known peak.
 */
export function readPeakRssOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
