/** A job body that waits until the test opens the gate, counting its runs. */
export interface Gate {
  readonly runs: number;
  body(): Promise<void>;
  open(): void;
  /** Resolves once a run has started. */
  started(): Promise<void>;
}

export function createGate(): Gate {
  let runs = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  let signalStart: () => void = () => undefined;
  const startedOnce = new Promise<void>((resolve) => {
    signalStart = resolve;
  });
  return {
    get runs() {
      return runs;
    },
    body: async () => {
      runs += 1;
      signalStart();
      await opened;
    },
    open: () => open(),
    started: () => startedOnce,
  };
}
