import { readdir, readFile } from 'node:fs/promises';

/** Returns the resident set size of `pid` in bytes, or 0 when the process is gone. */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children: number[] = [];
  for (const task of tasks) {
    const list = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...list.split(/\s+/).filter(Boolean).map(Number));
  }
  return children;
}

/**
 * Samples the RSS of a process and its descendants every `intervalMs` until `stop()`.
 * Returns the peak of the sum and the peak of the largest single process. Linux only.
 */
export function sampleProcessTreeRss(rootPid: number, intervalMs = 50) {
  let peakTotal = 0;
  let peakSingle = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const pending = [rootPid];
      let total = 0;
      while (pending.length > 0) {
        const pid = pending.pop()!;
        const rss = await rssOf(pid);
        total += rss;
        peakSingle = Math.max(peakSingle, rss);
        pending.push(...(await childrenOf(pid)));
      }
      peakTotal = Math.max(peakTotal, total);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { peakTotal, peakSingle };
    },
  };
}
