/** Pause and resume hooks of the crawls running in this process, by job id. */
export interface ScrapeControl {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

const controls = new Map<string, ScrapeControl>();

export const scrapeControls = {
  /** Registers a running crawl; call the returned function when it ends. */
  register(jobId: string, control: ScrapeControl): () => void {
    controls.set(jobId, control);
    return () => {
      if (controls.get(jobId) === control) controls.delete(jobId);
    };
  },

  get(jobId: string): ScrapeControl | undefined {
    return controls.get(jobId);
  },
};
