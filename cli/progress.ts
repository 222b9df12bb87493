/**
 * Progress of a phase with counts: a bar redrawn in place on a terminal, a line per step otherwise
 * (logs, pipes, CI), in the form `  nodes: 500/1200`.
 */
export type Progress = (phase: string, done: number, total: number) => void;

export function progressBar(phase: string, done: number, total: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `  ${phase} ${"█".repeat(filled)}${"░".repeat(width - filled)} ${done}/${total}`;
}

export function progress(stream: NodeJS.WriteStream = process.stdout): Progress {
  if (!stream.isTTY) return (phase, done, total) => stream.write(`  ${phase}: ${done}/${total}\n`);
  return (phase, done, total) => {
    stream.write(`\r\x1b[2K${progressBar(phase, done, total)}`);
    if (done >= total) stream.write("\n");
  };
}
