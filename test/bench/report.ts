import { appendFileSync, mkdirSync } from 'node:fs'

/** Median of repeated runs, in milliseconds (the first, warming run is dropped). */
export function medianMs(runs: number, fn: () => void): number {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

/** One line per measurement, as a ratio to its target (below 1.00 meets it). */
export function report(name: string, measured: number, target: number, unit: string): void {
  const line = `BENCH ${name}: ${measured.toFixed(2)} ${unit} / target ${target} ${unit} = ${(measured / target).toFixed(2)}x ${measured <= target ? 'ok' : 'OVER TARGET'}`
  console.log(line)
  mkdirSync('test/artifacts', { recursive: true })
  appendFileSync('test/artifacts/bench.txt', `${line}\n`)
}
