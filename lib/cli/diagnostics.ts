/** `--diagnostics`: every tolerated quirk on stderr, one line each, with where it was noticed. */
import type { MultistatusSummary } from '../types.js';
import { safeLine } from './safe-text.js';

export function diagnosticLines(summary: MultistatusSummary): string[] {
  const lines = summary.diagnostics.map((d) => {
    // Line 0: a diagnostic of the walk or the sync itself, not from the XML (no position to show).
    const parts = d.line > 0 ? [`line ${d.line}`, `column ${d.column}`] : [];
    if (d.offset !== undefined) parts.push(`byte ${d.offset}`);
    if (d.href !== undefined) parts.push(`in ${d.href === '' ? '""' : d.href}`);
    const where = parts.length ? ` (${safeLine(parts.join(', '))})` : '';
    return `multistatus: diagnostic: ${d.code}: ${safeLine(d.message)}${where}`;
  });
  const more = summary.diagnosticCount - summary.diagnostics.length;
  if (more > 0) lines.push(`multistatus: diagnostic: … and ${more} more (only the first ${summary.diagnostics.length} are kept: limits.maxDiagnostics)`);
  return lines;
}

export function printDiagnostics(stream: { write(text: string): unknown }, summary: MultistatusSummary): void {
  const lines = diagnosticLines(summary);
  if (lines.length) stream.write(lines.join('\n') + '\n');
}
