// Screenshots compared with committed ones within a tolerance: the same size, and few pixels that differ
// by more than a little (fonts and anti-aliasing vary between machines; a layout change moves many).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';

/** A pixel differs when a channel is off by more than this (of 255). */
const CHANNEL_SLACK = 48;

export interface Comparison {
  /** Written now: there was none, or PLAN_UPDATE_SCREENSHOTS=1. */
  written: boolean;
  sameSize: boolean;
  /** Fraction of pixels that differ (1 when the sizes differ). */
  differing: number;
}

function differingFraction(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differ = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > CHANNEL_SLACK) {
        differ++;
        break;
      }
    }
  }
  return differ / (a.width * a.height);
}

/** Compares `shot` with the committed file `path`; writes it when missing, or when asked to. */
export function compareScreenshot(shot: Buffer, path: string): Comparison {
  if (!existsSync(path) || process.env.PLAN_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, shot);
    return { written: true, sameSize: true, differing: 0 };
  }
  const a = PNG.sync.read(shot);
  const b = PNG.sync.read(readFileSync(path));
  return { written: false, sameSize: a.width === b.width && a.height === b.height, differing: differingFraction(a, b) };
}
