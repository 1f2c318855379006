/** `--diagnostics`: every tolerated quirk on stderr, one line each, with where it was noticed. */
import type { MultistatusSummary } from '../types.js';
import { safeLine } from './safe-text.js';

export function diagnosticLines(summary: MultistatusSummary): string[] {
  const lines = summary.diagnostics.map((d) => {
    const where = `line ${d.line}, column ${d.column}${d.href !== undefined ? `, in ${d.href}` : ''}`;
    return `multistatus: diagnostic: ${d.code}: ${safeLine(d.message)} (${safeLine(where)})`;
  });
  const more = summary.diagnosticCount - summary.diagnostics.length;
  if (more > 0) lines.push(`multistatus: diagnostic: … and ${more} more (only the first ${summary.diagnostics.length} are kept: limits.maxDiagnostics)`);
  return lines;
}

export function printDiagnostics(stream: { write(text: string): unknown }, summary: MultistatusSummary): void {
  const lines = diagnosticLines(summary);
  if (lines.length) stream.write(lines.join('\n') + '\n');
}
