/**
 * /proc/PID/stat (Linux), split into its fields from field 3 on, so field N is at index N - 3; null
 * when the process is gone or there is no /proc. The command name (field 2) may hold spaces and
 * parentheses, so fields are counted after its last closing one.
 */
import { readFileSync } from 'node:fs';

export function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
