// A virtual X display for the tests that must run Chromium headed: the browser's own permission prompt
// exists only in a headed browser, and is answered with the keyboard through xdotool (PLATFORM.md).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Starts Xvfb on a free display; fails clearly when Xvfb or xdotool is missing (CI installs both). */
export async function startXvfb() {
  for (const tool of ['Xvfb', 'xdotool']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y xvfb xdotool (bash .ci/run does)`);
    }
  }
  let number = 90 + Math.floor(Math.random() * 100);
  while (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) number += 1;
  const display = `:${number}`;
  const server = spawn('Xvfb', [display, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${number}`)) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`Xvfb did not start on ${display}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    display,
    /** presses keys in whatever window has the focus (the browser's prompt) */
    keys(...keys) {
      for (const key of keys) execFileSync('xdotool', ['key', key], { env: { ...process.env, DISPLAY: display } });
    },
    /**
     * Answers the browser's permission prompt with the keyboard (Tab to "Allow", Return) until the
     * extension holds the permission, the way a teacher would; the page that asked is brought to front first.
     * @param {{ bringToFront(): Promise<void> }} page @param {() => Promise<boolean>} granted
     */
    async acceptPermission(page, granted, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await granted())) {
        if (Date.now() > deadline) throw new Error(`the permission prompt was not accepted within ${timeoutMs} ms`);
        await page.bringToFront();
        this.keys('Tab', 'Return');
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
    },
    async stop() {
      server.kill();
      await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}
