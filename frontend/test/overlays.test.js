import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { splitParagraphs } from '../claim-highlighter/offsets.js';
import { nestSegments, segmentParagraphs } from '../claim-highlighter/segments.js';
import {
  CLAIM_STATUSES,
  FRAGMENT_ATTRIBUTES,
  OVERLAY_KINDS,
  fragmentAttributes,
  isShownOverlay,
  overlayKey,
  shownOverlays,
} from '../claim-highlighter/overlays.js';

const ARTICLE =
  'Dam to close\n\nReportedly, the dam will close in May. If true, farmers lose their water.\n\nOfficials said nothing.';

/** An overlay of the given kind over the first occurrence of a phrase. */
function over(kind, id, phrase, extra = {}) {
  const start = ARTICLE.indexOf(phrase);
  assert.notEqual(start, -1, `"${phrase}" is not in the text`);
  return { id, start, end: start + phrase.length, kind, ...extra };
}

/**
 * What the component draws for the server's overlays, per paragraph, as a readable tree: text
 * as strings, a fragment as `{[kind]: id, children}`. Keyed and deduplicated as in the
 * component's _layOutOverlays.
 */
function drawn(overlays, ownIds) {
  const byKey = new Map();
  const keyed = [];
  for (const overlay of shownOverlays(overlays, ownIds).shown) {
    const key = overlayKey(overlay);
    if (!byKey.has(key)) {
      byKey.set(key, overlay);
      keyed.push({ id: key, start: overlay.start, end: overlay.end });
    }
  }
  const describe = (nodes) =>
    nodes.map((node) => {
      if (!node.children) {
        return node.text;
      }
      const overlay = byKey.get(node.id);
      return { [overlay.kind]: overlay.id, children: describe(node.children) };
    });
  return segmentParagraphs(splitParagraphs(ARTICLE), keyed).map(nestSegments).map(describe);
}

// --- which overlays are shown ------------------------------------------------------

test('claims, sources and cues are shown', () => {
  assert.deepEqual(OVERLAY_KINDS, ['claim', 'source', 'cue']);
  const overlays = [
    over('claim', 'c1', 'the dam will close in May'),
    over('source', 's1', 'Officials'),
    over('cue', 'q1', 'Reportedly'),
  ];
  assert.deepEqual(shownOverlays(overlays).shown, overlays);
  assert.ok(overlays.every(isShownOverlay));
});

test('overlays of unknown kinds, or of none, are still dropped', () => {
  const claim = over('claim', 'c1', 'the dam will close in May');
  const overlays = [
    over('note', 'n1', 'Reportedly'),
    over('Cue', 'q1', 'Reportedly'), // kinds are exact: not a cue
    over(undefined, 'x1', 'If true'),
    // The component's own kinds must not be faked by the server.
    over('pending', 'p1', 'farmers'),
    over('caret', 'k1', 'water'),
    claim,
  ];
  assert.deepEqual(shownOverlays(overlays).shown, [claim]);
  assert.deepEqual(drawn(overlays)[1], ['Reportedly, ', { claim: 'c1', children: ['the dam will close in May'] }, '. If true, farmers lose their water.']);
});

test('broken cues are dropped like any broken overlay', () => {
  const good = over('cue', 'q1', 'If true');
  const overlays = [
    { ...good, id: '' },
    { ...good, end: good.start },
    { ...good, start: 1.5 },
    { kind: 'cue' },
    null,
    'cue',
    good,
  ];
  assert.deepEqual(shownOverlays(overlays).shown, [good]);
});

test('anything but an array is no overlays', () => {
  for (const value of [undefined, null, {}, 'cue']) {
    assert.deepEqual(shownOverlays(value), { shown: [], ownStatus: new Map() });
  }
});

// --- nesting -------------------------------------------------------------------------

test('a cue is drawn inside the claim that contains it, whatever the input order', () => {
  const claim = over('claim', 'c1', 'Reportedly, the dam will close in May.');
  const cue = over('cue', 'q1', 'Reportedly');
  const expected = [
    {
      claim: 'c1',
      children: [{ cue: 'q1', children: ['Reportedly'] }, ', the dam will close in May.'],
    },
    ' If true, farmers lose their water.',
  ];
  assert.deepEqual(drawn([claim, cue])[1], expected);
  assert.deepEqual(drawn([cue, claim])[1], expected);
});

test('a cue in the middle of a claim splits nothing: one claim fragment around it', () => {
  const claim = over('claim', 'c2', 'If true, farmers lose their water.');
  const cue = over('cue', 'q2', 'If true');
  const inner = over('cue', 'q3', 'lose their');
  assert.deepEqual(drawn([inner, claim, cue])[1], [
    'Reportedly, the dam will close in May. ',
    {
      claim: 'c2',
      children: [{ cue: 'q2', children: ['If true'] }, ', farmers ', { cue: 'q3', children: ['lose their'] }, ' water.'],
    },
  ]);
});

test('a cue with exactly the range of a claim is still inside it', () => {
  const claim = over('claim', 'z-claim', 'Reportedly');
  const cue = over('cue', 'a-cue', 'Reportedly');
  assert.deepEqual(drawn([cue, claim])[1][0], { claim: 'z-claim', children: [{ cue: 'a-cue', children: ['Reportedly'] }] });
});

test('a cue outside every claim is drawn on its own', () => {
  const cue = over('cue', 'q1', 'Reportedly');
  assert.deepEqual(drawn([cue])[1][0], { cue: 'q1', children: ['Reportedly'] });
});

// --- the student's own marks ---------------------------------------------------------

test('a claim overlay with the id of an own mark is not drawn, and its status goes to the mark', () => {
  const own = new Set(['m1', 'm2']);
  const overlays = [
    over('claim', 'm1', 'the dam will close', { status: 'mislabelled' }),
    over('claim', 'm1', 'the dam', { status: 'found' }), // a second copy: the first status wins
    over('claim', 'm2', 'farmers', { status: '' }),
    over('claim', 'k1', 'If true, farmers lose their water.', { status: 'missed' }),
    // Only claims give way to a mark: a cue or source with the same id is something else.
    over('cue', 'm1', 'If true'),
    over('source', 'm2', 'Officials'),
  ];
  const { shown, ownStatus } = shownOverlays(overlays, own);
  assert.deepEqual(
    shown.map((o) => `${o.kind}:${o.id}`),
    ['claim:k1', 'cue:m1', 'source:m2'],
  );
  assert.deepEqual([...ownStatus], [['m1', 'mislabelled']]);
});

test('own marks may be given as a Map, as the component does', () => {
  const own = new Map([['m1', { markId: 'm1' }]]);
  const { shown, ownStatus } = shownOverlays([over('claim', 'm1', 'farmers', { status: 'extra' })], own);
  assert.deepEqual(shown, []);
  assert.equal(ownStatus.get('m1'), 'extra');
});

// --- fragment attributes -------------------------------------------------------------

test('a cue fragment: ch-cue with its id, and the label on its first fragment only', () => {
  const cue = { kind: 'cue', id: 'q1', start: 14, end: 24, label: 'cue word' };
  assert.deepEqual(fragmentAttributes(cue, { first: true }), {
    class: 'ch-cue',
    'data-kind': 'cue',
    'data-cue-id': 'q1',
    'data-first': '',
    'data-label': 'cue word',
  });
  assert.deepEqual(fragmentAttributes(cue, { first: false }), { class: 'ch-cue', 'data-kind': 'cue', 'data-cue-id': 'q1' });
  assert.deepEqual(fragmentAttributes({ ...cue, id: 7, label: '' }, { first: true }), {
    class: 'ch-cue',
    'data-kind': 'cue',
    'data-cue-id': '7',
    'data-first': '',
  });
});

test('a claim gets data-status when its status is non-empty', () => {
  const claim = { kind: 'claim', id: 'c1', start: 0, end: 3, type: 'hedged', label: 'hedged' };
  for (const status of CLAIM_STATUSES) {
    assert.deepEqual(fragmentAttributes({ ...claim, status }, { first: true }), {
      class: 'ch-mark',
      'data-kind': 'claim',
      'data-mark-id': 'c1',
      'data-claim-type': 'hedged',
      'data-status': status,
      'data-first': '',
      'data-label': 'hedged',
    });
  }
  // A status the stylesheet does not know is still passed on.
  assert.equal(fragmentAttributes({ ...claim, status: 'disputed' })['data-status'], 'disputed');
});

test('a claim without a status, or with an empty one, gets no data-status', () => {
  const claim = { kind: 'claim', id: 'c1', start: 0, end: 3, type: 'factual' };
  const plain = { class: 'ch-mark', 'data-kind': 'claim', 'data-mark-id': 'c1', 'data-claim-type': 'factual' };
  for (const status of [undefined, null, '']) {
    const attributes = fragmentAttributes({ ...claim, status });
    assert.deepEqual(attributes, plain);
    assert.ok(!('data-status' in attributes), `status ${JSON.stringify(status)}`);
  }
  assert.deepEqual(fragmentAttributes(claim), plain);
});

test('sources and cues ignore a status and a type', () => {
  const extra = { status: 'found', type: 'factual' };
  assert.deepEqual(fragmentAttributes({ kind: 'source', id: 's1', ...extra }), {
    class: 'ch-source',
    'data-kind': 'source',
    'data-source-id': 's1',
  });
  assert.deepEqual(fragmentAttributes({ kind: 'cue', id: 'q1', ...extra }), { class: 'ch-cue', 'data-kind': 'cue', 'data-cue-id': 'q1' });
});

test('own marks: data-own and a title, data-selected only when selected, and a carried status', () => {
  const mark = { kind: 'claim', id: 'm1', type: 'opinion', label: 'opinion', own: true };
  assert.deepEqual(fragmentAttributes(mark, { first: true, selected: true }), {
    class: 'ch-mark',
    'data-kind': 'claim',
    'data-own': '',
    'data-mark-id': 'm1',
    'data-claim-type': 'opinion',
    'data-selected': '',
    'data-first': '',
    'data-label': 'opinion',
    title: 'opinion',
  });
  const unselected = fragmentAttributes({ ...mark, status: 'extra' }, { first: false, selected: false });
  assert.deepEqual(unselected, {
    class: 'ch-mark',
    'data-kind': 'claim',
    'data-own': '',
    'data-mark-id': 'm1',
    'data-claim-type': 'opinion',
    'data-status': 'extra',
    title: 'opinion',
  });
  // Only own marks can be selected; the answer key's claims get neither data-own nor a title.
  const key = fragmentAttributes({ ...mark, own: false }, { selected: true });
  assert.deepEqual(key, { class: 'ch-mark', 'data-kind': 'claim', 'data-mark-id': 'm1', 'data-claim-type': 'opinion' });
});

test('pending and caret are the component’s own plain marks', () => {
  assert.deepEqual(fragmentAttributes({ kind: 'pending', id: 'pending', label: 'x' }, { first: true }), {
    class: 'ch-pending',
    'data-kind': 'pending',
  });
  assert.deepEqual(fragmentAttributes({ kind: 'caret', id: 'caret' }, { first: true }), { class: 'ch-caret', 'data-kind': 'caret' });
});

test('a kind without an element gets no attributes', () => {
  assert.equal(fragmentAttributes({ kind: 'note', id: 'n1', label: 'x' }, { first: true }), null);
  assert.equal(fragmentAttributes({ id: 'n1' }), null);
  assert.equal(fragmentAttributes(null), null);
});

test('attribute values are strings, never markup: a label is passed on as it is', () => {
  const label = '<img src=x onerror=alert(1)>';
  const attributes = fragmentAttributes({ kind: 'cue', id: '"><b>', label }, { first: true });
  assert.equal(attributes['data-label'], label);
  assert.equal(attributes['data-cue-id'], '"><b>');
  assert.ok(Object.values(attributes).every((value) => typeof value === 'string'));
});

// --- the component and the stylesheet keep up with this module -----------------------

// The fragment template lives in the render controller (DD008).
const COMPONENT = readFileSync(new URL('../claim-highlighter/render-controller.js', import.meta.url), 'utf8');
const STYLES = readFileSync(new URL('../claim-highlighter/claim-highlighter.css', import.meta.url), 'utf8');

test('every attribute a fragment may get is in FRAGMENT_ATTRIBUTES and bound by the template', () => {
  const samples = [];
  for (const kind of [...OVERLAY_KINDS, 'pending', 'caret', 'mention', 'linkable']) {
    for (const own of [false, true]) {
      const overlay = { kind, id: 'x', type: 't', status: 's', label: 'l', own, current: true, sourceId: 'src', lane: 1 };
      samples.push(fragmentAttributes(overlay, { first: true, selected: true }));
    }
  }
  const produced = new Set(samples.flatMap((attributes) => Object.keys(attributes)));
  assert.deepEqual([...produced].sort(), [...FRAGMENT_ATTRIBUTES].sort());
  // Lit only sets attributes its template names; one missing there would never be set.
  const template = COMPONENT.match(/return html`<mark class=\$\{a\('class'\)\}[^`]*`/);
  assert.ok(template, 'the fragment template of RenderController._renderFragment');
  for (const name of FRAGMENT_ATTRIBUTES) {
    assert.ok(template[0].includes(` ${name}=\${a('${name}')}`) || name === 'class', `${name} is bound`);
  }
});

test('the stylesheet draws every status and the cue words', () => {
  for (const status of CLAIM_STATUSES) {
    assert.ok(STYLES.includes(`mark.ch-mark[data-status='${status}']`), `a rule for ${status}`);
  }
  assert.ok(STYLES.includes('mark.ch-cue'), 'a rule for cues');
});

test('the sources mode draws mentions with their source and claims to link without any type', () => {
  assert.deepEqual(fragmentAttributes({ kind: 'mention', id: 'm1', sourceId: 's1', label: 'a source' }, { first: true, selected: true }), {
    class: 'ch-source ch-mention',
    'data-kind': 'mention',
    'data-mention-id': 'm1',
    'data-source-id': 's1',
    'data-selected': '',
    'data-first': '',
    'data-label': 'a source',
  });
  assert.deepEqual(fragmentAttributes({ kind: 'linkable', id: 'c05', type: 'hedged', status: 'found', label: 'Claim 3' }), {
    class: 'ch-claim-ref',
    'data-kind': 'linkable',
    'data-claim-ref': 'c05',
  });
});

test('an own mark carries its lane, so its underline keeps its depth in every fragment; no other overlay does', () => {
  const own = { kind: 'claim', id: 'm1', start: 0, end: 3, type: 'hedged', own: true, lane: 2 };
  assert.equal(fragmentAttributes(own)['data-lane'], '2');
  assert.equal(fragmentAttributes({ ...own, lane: 0 })['data-lane'], '0');
  assert.equal(fragmentAttributes({ ...own, own: false })['data-lane'], undefined);
  assert.equal(fragmentAttributes({ ...own, lane: undefined })['data-lane'], undefined);
});
