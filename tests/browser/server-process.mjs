// The `rungs server` process for browser tests: started on a free
// loopback port, its site address and one-time setup link read from its
// log; stopped politely, then firmly.
import { spawn } from "node:child_process";

/// Servers still running, for the tests' `after` hook to stop.
export const servers = new Set();

export function startServer(bin, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ["server", "--listen", "127.0.0.1:0", ...args], { stdio: ["ignore", "ignore", "pipe"] });
    servers.add(child);
    child.on("exit", () => servers.delete(child));
    let log = "";
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const site = log.match(/rungs server: (http:\/\/127\.0\.0\.1:\d+\/) \(site\)/);
      const setup = log.match(/(http:\/\/127\.0\.0\.1:\d+\/app\/setup\?token=[0-9a-zA-Z]+)\r?\n/);
      if (site && setup) {
        clearTimeout(timer);
        resolvePromise({ child, base: site[1], setup: setup[1], log: () => log });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`rungs server exited with ${code}: ${log}`));
    });
    const timer = setTimeout(() => reject(new Error(`rungs server did not start: ${log}`)), 30000);
  });
}

export async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill();
  let timer;
  await Promise.race([exited, new Promise((r) => { timer = setTimeout(r, 5000); })]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
