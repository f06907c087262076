// What a subcommand may touch of the process, so tests can run it in-process too.
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
  stopped: Promise<void>;
}
