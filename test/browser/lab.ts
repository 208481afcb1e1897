// Starting and stopping a JupyterLab server for the browser test: the project's venv, 127.0.0.1,
// a free port, a random token, and every Jupyter folder (config, data, runtime, workspaces,
// user settings, notebook signatures) in a temporary folder, so the user's own Jupyter set-up is
// neither read nor written. The venv's kernelspecs (tslab) stay reachable: Jupyter always looks
// in sys.prefix/share/jupyter, and JUPYTER_PATH is left alone.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** A running JupyterLab server. */
export interface LabServer {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  token: string;
  /** The folder it serves (ServerApp.root_dir). */
  rootDir: string;
  /** Its private Jupyter folders (config, data, runtime, signatures) and log file. */
  homeDir: string;
  logFile: string;
  process: ChildProcess;
}

/** Options of {@link startLab}. */
export interface LabOptions {
  /** The venv's jupyter-lab executable. */
  jupyterLab: string;
  /** The folder to serve. */
  rootDir: string;
  /** A new, empty folder for this server's Jupyter config, data, runtime and signature store. */
  homeDir: string;
  /** How long to wait for /api/status, in ms. */
  startTimeoutMs?: number;
}

/** Every server started and not yet stopped: stopped by {@link stopAllLabsNow} on abrupt exit. */
const running = new Set<LabServer>();

/** A TCP port that was free a moment ago: bind port 0 on 127.0.0.1 and read what the OS gave. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("freePort: the OS gave no TCP port"));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The last `lines` lines of a text file (the server log), for error messages. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Starts JupyterLab and waits until GET /api/status answers 200 with the token.
 *
 * @throws Error when the server exits early or does not answer within the timeout (with the log's tail).
 */
export async function startLab(options: LabOptions): Promise<LabServer> {
  const { jupyterLab, rootDir, homeDir } = options;
  const startTimeoutMs = options.startTimeoutMs ?? 90_000;
  const dirs = {
    JUPYTER_CONFIG_DIR: path.join(homeDir, "config"),
    JUPYTER_DATA_DIR: path.join(homeDir, "data"),
    JUPYTER_RUNTIME_DIR: path.join(homeDir, "runtime"),
    JUPYTERLAB_WORKSPACES_DIR: path.join(homeDir, "workspaces"),
    JUPYTERLAB_SETTINGS_DIR: path.join(homeDir, "user-settings"),
  };
  const notaryDir = path.join(homeDir, "notary");
  for (const dir of [...Object.values(dirs), notaryDir]) fs.mkdirSync(dir, { recursive: true });
  writeQuietSettings(dirs.JUPYTERLAB_SETTINGS_DIR);

  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const args = [
    "--no-browser",
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${port}`,
    "--ServerApp.port_retries=0",
    `--ServerApp.root_dir=${rootDir}`,
    `--IdentityProvider.token=${token}`,
    `--NotebookNotary.data_dir=${notaryDir}`,
    "--LabApp.expose_app_in_browser=True",
    // No network: no news feed, no update check.
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
  ];
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--allow-root");

  const logFile = path.join(homeDir, "jupyterlab.log");
  const log = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = { ...process.env, ...dirs };
  // A JUPYTER_PATH or IPython setting from the caller's shell must not leak in, but the venv's
  // own share/jupyter is found through sys.prefix whatever JUPYTER_PATH says.
  delete env.JUPYTER_PATH;
  delete env.JUPYTER_TOKEN;
  const child = spawn(jupyterLab, args, { cwd: rootDir, env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  const server: LabServer = { baseUrl: `http://127.0.0.1:${port}`, token, rootDir, homeDir, logFile, process: child };
  running.add(server);

  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`could not start ${jupyterLab}: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(server);
      throw new Error(`JupyterLab exited during start-up (code ${child.exitCode}, signal ${child.signalCode}); log ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/api/status`, {
        headers: { Authorization: `token ${token}` },
        signal: AbortSignal.timeout(2_000),
      });
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stopLab(server);
  throw new Error(`JupyterLab did not answer /api/status within ${startTimeoutMs / 1000} s; log ${logFile}:\n${tail(logFile)}`);
}

/**
 * User settings for the test's JupyterLab: no news or update notifications over the notebook
 * (they would cover part of the screenshots). Everything else stays at JupyterLab's defaults,
 * which is what a learner sees.
 */
function writeQuietSettings(settingsDir: string): void {
  const dir = path.join(settingsDir, "@jupyterlab", "apputils-extension");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "notification.jupyterlab-settings"), JSON.stringify({ fetchNews: "false", checkForUpdates: false }));
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, ms);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", onExit);
  });
}

/** Sends a signal to the server's whole process group (the server and its kernels). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * Stops a server: SIGTERM to its process group (JupyterLab then shuts its kernels down), wait
 * up to `graceMs`, then SIGKILL the group. Safe to call twice.
 */
export async function stopLab(server: LabServer, graceMs = 15_000): Promise<void> {
  const child = server.process;
  if (!exited(child)) {
    signalGroup(child, "SIGTERM");
    if (!(await waitForExit(child, graceMs))) {
      signalGroup(child, "SIGKILL");
      await waitForExit(child, 5_000);
    }
  }
  signalGroup(child, "SIGKILL");
  // Jupyter starts each kernel in a session of its own, so the group signal does not reach
  // them; a kernel that outlived a killed server is found by its connection file, which lives
  // in this server's private runtime folder.
  for (const pid of kernelPids(server)) killPid(pid, "SIGKILL");
  running.delete(server);
}

/** Processes whose command line names a file in this server's private runtime folder. */
export function kernelPids(server: LabServer): number[] {
  const marker = path.join(server.homeDir, "runtime") + path.sep;
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.includes(marker)) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

function killPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Last resort on abrupt exit (synchronous): SIGKILL every server group still running. */
export function stopAllLabsNow(): void {
  for (const server of running) {
    signalGroup(server.process, "SIGKILL");
    for (const pid of kernelPids(server)) killPid(pid, "SIGKILL");
  }
  running.clear();
}
