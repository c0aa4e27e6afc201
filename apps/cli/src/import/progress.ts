/**
 * The progress of an import on stderr: on a terminal a live bar (cli-progress) with the rate and
 * the ETA; elsewhere (CI logs, files) a plain line every few seconds.
 */
import cliProgress from 'cli-progress';

export interface ProgressCounts {
  /** Rows finished, this run and earlier runs (resumed). */
  readonly done: number;
  readonly total: number;
  /** Rows finished in this run, which the rate is measured on. */
  readonly thisRun: number;
  readonly problems: number;
}

export interface ProgressDisplay {
  update(counts: ProgressCounts): void;
  stop(counts: ProgressCounts): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Seconds as `1h02m`, `3m05s` or `42s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

class Rate {
  readonly #started = Date.now();

  perSecond(thisRun: number): number {
    const elapsed = (Date.now() - this.#started) / 1000;
    return elapsed <= 0 ? 0 : thisRun / elapsed;
  }

  eta(counts: ProgressCounts): number {
    const rate = this.perSecond(counts.thisRun);
    return rate <= 0 ? Number.NaN : (counts.total - counts.done) / rate;
  }
}

class BarDisplay implements ProgressDisplay {
  readonly #bar: cliProgress.SingleBar;
  readonly #rate = new Rate();

  constructor(stream: ProgressStream, counts: ProgressCounts) {
    this.#bar = new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WritableStream,
        format:
          'importing [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {etaText} | {problems} not registered',
        barsize: 30,
        hideCursor: true,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    this.#bar.start(counts.total, counts.done, this.#payload(counts));
  }

  #payload(counts: ProgressCounts): Record<string, string | number> {
    return {
      rate: Math.round(this.#rate.perSecond(counts.thisRun)),
      etaText: formatDuration(this.#rate.eta(counts)),
      problems: counts.problems,
    };
  }

  update(counts: ProgressCounts): void {
    this.#bar.update(counts.done, this.#payload(counts));
  }

  stop(counts: ProgressCounts): void {
    this.#bar.update(counts.done, this.#payload(counts));
    this.#bar.stop();
  }
}

const LINE_INTERVAL_MS = 2000;

class LineDisplay implements ProgressDisplay {
  readonly #stream: ProgressStream;
  readonly #rate = new Rate();
  #last = Date.now();

  constructor(stream: ProgressStream) {
    this.#stream = stream;
  }

  #line(counts: ProgressCounts): void {
    const percent = counts.total === 0 ? 100 : Math.floor((counts.done / counts.total) * 100);
    const rate = Math.round(this.#rate.perSecond(counts.thisRun));
    this.#stream.write(
      `imported ${counts.done}/${counts.total} rows (${percent}%), ${rate} rows/s, ETA ${formatDuration(this.#rate.eta(counts))}, ${counts.problems} not registered\n`,
    );
  }

  update(counts: ProgressCounts): void {
    if (Date.now() - this.#last < LINE_INTERVAL_MS) return;
    this.#last = Date.now();
    this.#line(counts);
  }

  stop(counts: ProgressCounts): void {
    this.#line(counts);
  }
}

class NoDisplay implements ProgressDisplay {
  update(): void {}
  stop(): void {}
}

/** A bar on a terminal, plain lines elsewhere, nothing when disabled. */
export function progressDisplay(
  stream: ProgressStream,
  counts: ProgressCounts,
  enabled: boolean,
): ProgressDisplay {
  if (!enabled) return new NoDisplay();
  return stream.isTTY === true ? new BarDisplay(stream, counts) : new LineDisplay(stream);
}
