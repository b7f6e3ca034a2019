// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatching } from '../../src/content/watch';

let stop: () => void = () => {};
beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<table><tbody id="rows"></tbody></table>';
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

/** MutationObserver callbacks run as microtasks: let them, then move the clock. */
async function advance(ms: number): Promise<void> {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

function addRow(): void {
  document.getElementById('rows')!.append(document.createElement('tr'));
}

describe('startWatching', () => {
  it('re-reads once after a burst of changes has settled', async () => {
    const onChange = vi.fn();
    stop = startWatching(document, onChange, { quietMs: 500, maxWaitMs: 3_000 });
    for (let i = 0; i < 20; i++) {
      addRow();
      await advance(50);
    }
    expect(onChange).not.toHaveBeenCalled();
    await advance(500);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('still re-reads at least every maxWait while the page keeps changing', async () => {
    const onChange = vi.fn();
    stop = startWatching(document, onChange, { quietMs: 500, maxWaitMs: 1_000 });
    for (let i = 0; i < 40; i++) {
      addRow();
      await advance(100);
    }
    // 4 s of changes every 100 ms never go quiet, yet the page was read about every second.
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('does not re-read for changes outside any table or grid, such as a ticking clock', async () => {
    const onChange = vi.fn();
    const clock = document.createElement('span');
    document.body.append(clock);
    stop = startWatching(document, onChange, { quietMs: 100, maxWaitMs: 500 });
    for (let i = 0; i < 20; i++) {
      clock.textContent = `10:0${i % 10}`;
      await advance(100);
    }
    await advance(1_000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('re-reads when a grid arrives (SPA navigation) or a score is typed into one', async () => {
    const onChange = vi.fn();
    stop = startWatching(document, onChange, { quietMs: 100 });
    const view = document.createElement('div');
    view.innerHTML = '<div role="grid"><div role="row"><div role="gridcell">9/10</div></div></div>';
    document.body.append(view);
    await advance(200);
    expect(onChange).toHaveBeenCalledTimes(1);
    // a score typed into an input changes its value, not the markup: only the change event says so
    const input = document.createElement('input');
    document.querySelector('tbody')!.append(document.createElement('tr'));
    await advance(200);
    expect(onChange).toHaveBeenCalledTimes(2);
    document.querySelector('tr')!.append(input);
    await advance(200);
    const calls = onChange.mock.calls.length;
    input.value = '17';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await advance(200);
    expect(onChange).toHaveBeenCalledTimes(calls + 1);
  });

  it('stops watching when asked', async () => {
    const onChange = vi.fn();
    startWatching(document, onChange, { quietMs: 100 })();
    addRow();
    await advance(1_000);
    expect(onChange).not.toHaveBeenCalled();
  });
});
