// The BPMN diagrams as Cockpit shows them: bpmn-js (its NavigatedViewer, from node_modules, no CDN) in
// headless Chromium, zoomed as Cockpit zooms on opening a definition, canvas.zoom('fit-viewport', 'auto'),
// in the diagram pane Cockpit 7.24 gives a 1920x1000 browser window (1582x526 px, measured). One
// screenshot per diagram under e2e/screenshots/ (a CI artefact) to look at; the test fails when a
// diagram would be drawn smaller than READABLE_ZOOM there, or when the label bounds stored in the
// file are not where bpmn-js draws the text (DiagramLayoutTest checks overlaps on the stored bounds).
// Needs no running Billflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, SCREENSHOTS } from './tasklist.mjs';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BPMN_JS = path.dirname(require.resolve('bpmn-js/package.json'));
const COCKPIT_PANE = { width: 1582, height: 526 };
const READABLE_ZOOM = 0.75;
/** Diagrams known not to pass yet (none); see DiagramLayoutTest.KNOWN_EXCEPTIONS. */
const KNOWN_EXCEPTIONS = [];

const diagrams = fs.readdirSync(path.join(ROOT, 'processes')).filter((file) => file.endsWith('.bpmn')).sort();

test('every diagram renders readably at Cockpit\'s default zoom', { timeout: 120_000 }, async (t) => {
  assert.ok(diagrams.length >= 4, 'the four process diagrams are found');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: COCKPIT_PANE });
    const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
      .map((file) => fs.readFileSync(path.join(BPMN_JS, 'dist/assets', file), 'utf8')).join('\n');
    // Cockpit hides the bpmn.io watermark; so does this page, or it would cover a corner label.
    await page.setContent(`<html><head><style>${css} html, body, #canvas { margin: 0; width: 100%; height: 100%; }
      .bjs-powered-by { display: none; }</style></head><body><div id="canvas"></div></body></html>`);
    await page.addScriptTag({ path: path.join(BPMN_JS, 'dist/bpmn-navigated-viewer.production.min.js') });

    for (const file of diagrams) {
      await t.test(file, async () => {
        const xml = fs.readFileSync(path.join(ROOT, 'processes', file), 'utf8');
        const rendered = await page.evaluate(async (xml) => {
          document.querySelector('#canvas').innerHTML = '';
          const viewer = new window.BpmnJS({ container: '#canvas' });
          const { warnings } = await viewer.importXML(xml);
          const canvas = viewer.get('canvas');
          canvas.zoom('fit-viewport', 'auto');
          const labels = viewer.get('elementRegistry').filter((element) => element.type === 'label').map((label) => ({
            id: label.businessObject.id, x: label.x, y: label.y, width: label.width, height: label.height,
            stored: (({ x, y, width, height } = {}) => (x === undefined ? null : { x, y, width, height }))(label.labelTarget.di.label?.bounds),
          }));
          return { warnings: warnings.map(String), zoom: canvas.zoom(), labels };
        }, xml);
        await page.screenshot({ path: path.join(SCREENSHOTS, `diagram-${file.replace('.bpmn', '')}.png`) });

        assert.deepEqual(rendered.warnings, [], `${file} imports without warnings`);
        if (KNOWN_EXCEPTIONS.includes(file)) {
          return;
        }
        assert.ok(rendered.zoom >= READABLE_ZOOM, `${file} is drawn at ${rendered.zoom.toFixed(2)}, below ${READABLE_ZOOM}`);
        for (const label of rendered.labels) {
          assert.ok(label.stored, `${file}: the label of ${label.id} has stored bounds`);
          for (const key of ['x', 'y', 'width', 'height']) {
            assert.ok(Math.abs(label[key] - label.stored[key]) <= 2,
              `${file}: the label of ${label.id} is drawn at ${key}=${label[key]}, stored ${label.stored[key]}`);
          }
        }
      });
    }
  } finally {
    await browser.close();
  }
});
