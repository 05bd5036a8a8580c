// autocannon 9 ships no type declarations; these cover only what the benchmarks use.
declare module 'autocannon' {
  interface Histogram {
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p99: number
    total: number
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    method?: string
    headers?: Record<string, string>
    /** Runs the load generator in worker threads, off the calling thread's event loop. */
    workers?: number
    timeout?: number
  }
  interface Result {
    requests: Histogram & { sent: number }
    latency: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    '2xx': number
    '4xx': number
    '5xx': number
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
