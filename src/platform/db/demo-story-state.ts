/**
 * Whether the demo's example history is still being written (see `loadDemoStoryInBackground`). A
 * module of its own so the page frame can ask without importing the seed code above the platform.
 */
let loading = false

export function demoStoryLoading(): boolean {
  return loading
}

export function setDemoStoryLoading(value: boolean): void {
  loading = value
}
