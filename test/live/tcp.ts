/** What the kernel says about TCP connections (Linux /proc/net/tcp), to see a client really hang up. */
import { readFile } from 'node:fs/promises';

const ESTABLISHED = '01';

/** Client-side sockets in ESTABLISHED state whose remote end is 127.0.0.1:`port`. */
export async function establishedTo(port: number): Promise<number> {
  const table = await readFile('/proc/net/tcp', 'utf8');
  const remote = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let n = 0;
  for (const line of table.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols[2] === remote && cols[3] === ESTABLISHED) n++;
  }
  return n;
}
