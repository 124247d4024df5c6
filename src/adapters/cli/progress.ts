// A progress bar (count and ETA) for long CLI work — a day-file import, `post` over several days,
// `masters sync` — drawn on stderr only when stderr is a terminal: piped or redirected output gets
// no bar and stays exactly what it was.
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  /** done of total (the total may grow as the work learns it). */
  update(done: number, total: number): void;
  /** Ends the bar (a no-op when none is drawn). */
  stop(): void;
  /** Whether a bar is drawn (then lines meant for stdout wait until stop). */
  readonly drawn: boolean;
}

export const noProgress: Progress = {
  update: () => undefined,
  stop: () => undefined,
  drawn: false,
};

/** A bar titled `label` on `stream` when it is a terminal; otherwise one that draws nothing. */
export function progressBar(
  label: string,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Progress {
  if (stream.isTTY !== true) return noProgress;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total}件 {percentage}% | 残り {eta_formatted}`,
      stream: stream as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
      fps: 5,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    drawn: true,
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
        return;
      }
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
