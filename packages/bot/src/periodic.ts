/**
 * A background loop: `tick` runs at once, then `intervalMs` after each pass ends (passes never overlap), until
 * stopped. `stop()` waits for a running pass, so a shutdown never cuts a send in half. A failing pass is reported
 * and the loop goes on. Used by the reminder worker and the server's email outbox worker.
 */
export function startPeriodic(
  tick: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
