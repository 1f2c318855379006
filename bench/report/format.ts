const MiB = 1024 * 1024;

/** `52.3 MiB`, `1.2 GiB`. */
export function bytesText(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(2)} GiB`;
  if (bytes >= 100 * MiB) return `${(bytes / MiB).toFixed(0)} MiB`;
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

/** Body sizes as named in tables and the chart: `10 MiB`, `1 GiB`. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${+(bytes / (1024 * MiB)).toFixed(2)} GiB`;
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`;
  return `${+(bytes / 1024).toFixed(1)} KiB`;
}

/** Three significant figures: `835`, `76.2`, `4.13`. */
export function rateText(mibPerSec: number): string {
  if (mibPerSec >= 100) return mibPerSec.toFixed(0);
  if (mibPerSec >= 10) return mibPerSec.toFixed(1);
  return mibPerSec.toFixed(2);
}

export function ratioText(ratio: number): string {
  return ratio >= 10 ? `${ratio.toFixed(0)}x` : `${ratio.toFixed(2)}x`;
}

export function secondsText(seconds: number): string {
  return seconds >= 10 ? `${seconds.toFixed(0)} s` : `${seconds.toFixed(2)} s`;
}

/** A table cell: pipes escaped. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
