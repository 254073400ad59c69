/**
 * Coalesces refresh requests: one fetch runs at a time, requests made while it runs cause
 * one more run after it, and runs start at least `minIntervalMs` apart. A burst of change
 * events thus costs two fetches, not one per event.
 */
export function createRefresher(run: () => Promise<void>, minIntervalMs = 400) {
  let running = false;
  let again = false;
  let lastStart = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const start = async () => {
    timer = undefined;
    if (stopped) return;
    running = true;
    again = false;
    lastStart = Date.now();
    try {
      await run();
    } finally {
      running = false;
      if (again) request();
    }
  };

  const request = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) return;
    const wait = Math.max(0, lastStart + minIntervalMs - Date.now());
    timer = setTimeout(() => void start(), wait);
  };

  return {
    request,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
