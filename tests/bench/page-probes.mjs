/**
 * What the benchmark runs inside the page (installed with `context.addInitScript`, so it exists
 * before the app's own code): event timestamps, frame-aligned waits and programmatic pan / zoom.
 *
 * Times are `performance.now()` in the page, and a user's action starts at its event's
 * `timeStamp` (the same clock): the figures include the event's dispatch and every handler.
 * Kept as a plain function: Playwright serialises it into the page.
 */
export function installProbes() {
  const probe = {
    lastClick: null,
    lastKey: null,
    arm() {
      probe.lastClick = null;
      probe.lastKey = null;
    },

    /** Resolves with the time at the first animation frame where `check()` holds (after `since`, if given, has an event). */
    waitFrame(check, timeoutMs = 60_000, since) {
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const tick = () => {
          let ok;
          try {
            ok = (since === undefined || probe[since] !== null) && check();
          } catch {
            ok = false; // the page is between states (an element gone mid-check): look again next frame
          }
          if (ok) resolve(performance.now());
          else if (performance.now() - started > timeoutMs) reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${check.name || 'a condition'}.`));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },

    /** The React Flow canvas shows its nodes: fitted (viewport moved), some nodes, none still hidden for measuring. */
    canvasReady() {
      const viewport = document.querySelector('.react-flow__viewport');
      if (!viewport) return false;
      const transform = viewport.style.transform;
      if (!transform || transform === 'translate(0px, 0px) scale(1)') return false;
      const nodes = document.querySelectorAll('.react-flow__node');
      if (nodes.length === 0) return false;
      for (const node of nodes) if (node.style.visibility === 'hidden') return false;
      return true;
    },

    /** `canvasReady`, and the same number of nodes two frames in a row (the visible set settled). */
    async waitCanvas(since, timeoutMs = 60_000) {
      let previous = -1;
      let first = 0;
      const settled = () => {
        if (!probe.canvasReady()) {
          previous = -1;
          return false;
        }
        const count = document.querySelectorAll('.react-flow__node').length;
        if (count !== previous) {
          previous = count;
          first = performance.now();
          return false;
        }
        return true;
      };
      await probe.waitFrame(settled, timeoutMs, since);
      return first;
    },

    /** The viewport as numbers, from the transform React Flow writes: { x, y, zoom }. */
    viewport() {
      const match = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(probe.viewportTransform());
      return match ? { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) } : null;
    },

    /** ms from the armed click or key to the settled canvas. */
    async timeCanvasOpen(since) {
      const done = await probe.waitCanvas(since);
      return done - probe[since];
    },

    /** A point of the empty pane near the canvas's middle (where a drag pans rather than moves a node). */
    panePoint() {
      const pane = document.querySelector('.react-flow__pane');
      if (!pane) throw new Error('No React Flow pane on the page.');
      const rect = pane.getBoundingClientRect();
      const cx = rect.left + rect.width / 2;
      const cy = rect.top + rect.height / 2;
      for (let radius = 0; radius < Math.max(rect.width, rect.height) / 2; radius += 7) {
        for (let a = 0; a < 16; a++) {
          const x = cx + radius * Math.cos((a / 16) * 2 * Math.PI);
          const y = cy + radius * Math.sin((a / 16) * 2 * Math.PI);
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      throw new Error('No empty spot on the pane to start a pan from.');
    },

    viewportTransform() {
      return document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    },

    /** Runs `step(i)` once per animation frame, `steps` times; returns the frame intervals (ms). */
    frames(steps, step) {
      return new Promise((resolve) => {
        const stamps = [];
        let i = 0;
        const tick = (ts) => {
          stamps.push(ts);
          if (i === steps) {
            const deltas = [];
            for (let k = 1; k < stamps.length; k++) deltas.push(stamps[k] - stamps[k - 1]);
            resolve(deltas);
            return;
          }
          i += 1;
          step(i);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },

    /** A drag of the empty pane, `dx` px per frame, out and back: the way a person pans (d3-zoom's mouse path). */
    async pan(steps, dx) {
      const { x, y } = probe.panePoint();
      const before = probe.viewportTransform();
      const pane = document.elementFromPoint(x, y);
      const init = (cx) => ({ bubbles: true, cancelable: true, view: window, clientX: cx, clientY: y, button: 0, buttons: 1 });
      pane.dispatchEvent(new MouseEvent('mousedown', init(x)));
      // out and back: half the steps to the left, half back, so the view ends where it started
      const at = (i) => x - (i <= steps / 2 ? i : steps - i) * dx;
      let moved = false;
      const deltas = await probe.frames(steps, (i) => {
        window.dispatchEvent(new MouseEvent('mousemove', init(at(i))));
        if (probe.viewportTransform() !== before) moved = true;
      });
      window.dispatchEvent(new MouseEvent('mouseup', { ...init(at(steps)), buttons: 0 }));
      if (!moved) throw new Error('The pan did not move the viewport.');
      return deltas;
    },

    /** Wheel steps at the canvas's middle: half zooming in, half out. */
    async zoom(steps, delta) {
      const pane = document.querySelector('.react-flow__pane');
      const rect = pane.getBoundingClientRect();
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const before = probe.viewportTransform();
      let moved = false;
      const deltas = await probe.frames(steps, (i) => {
        const target = document.elementFromPoint(x, y) ?? pane;
        target.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, deltaMode: 0, deltaY: i <= steps / 2 ? -delta : delta }));
        if (probe.viewportTransform() !== before) moved = true;
      });
      if (!moved) throw new Error('The wheel did not zoom the viewport.');
      return deltas;
    },

    /** The node of `selector` nearest the canvas's middle whose box lies inside the canvas. */
    nearestNode(selector) {
      const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      let best = null;
      let bestDistance = Infinity;
      for (const node of document.querySelectorAll(selector)) {
        const r = node.getBoundingClientRect();
        if (r.left < pane.left + 20 || r.right > pane.right - 20 || r.top < pane.top + 20 || r.bottom > pane.bottom - 60) continue;
        const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
        if (d < bestDistance) {
          bestDistance = d;
          best = node.getAttribute('data-id');
        }
      }
      return best;
    },

    /** After Tab: the label editor focused in a new node that is rendered, selected and inside the canvas. */
    newNodeEditing() {
      const editor = document.activeElement;
      if (!editor || !editor.classList.contains('mind-node__editor')) return false;
      const node = editor.closest('.react-flow__node');
      if (!node || node.style.visibility === 'hidden') return false;
      if (!node.querySelector('[aria-selected="true"]')) return false;
      const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
      const r = node.getBoundingClientRect();
      return r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
    },
  };
  addEventListener('click', (event) => (probe.lastClick = event.timeStamp), true);
  addEventListener('keydown', (event) => (probe.lastKey = event.timeStamp), true);
  window.__bench = probe;
}
