import cliProgress from 'cli-progress';

/** Prints a step, runs it, and reports how long it took (or why it failed). */
export async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`• ${title} … `);
  try {
    const result = await work();
    process.stdout.write(`done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return result;
  } catch (e) {
    process.stdout.write('failed\n');
    throw e;
  }
}

/** A progress bar for long work over a known number of items. */
export function progressBar(title: string, total: number) {
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
