// The text keeps a contrast of at least 4.5:1 (WCAG 2.2, 1.4.3) on every background the
// highlighter draws behind it: each claim type's tint, where two or three marks overlap, a cue
// word inside a claim, the missed and calm tints, the label badges, the pending selection. axe
// cannot check these (the page background is a gradient, the tints are translucent), so this test
// computes them: it reads the tints from claim-highlighter.css, the tones and page colours from the
// Aura theme, mixes them as the browser does (in sRGB, over the page) and computes the WCAG ratio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

import { CLAIM_TYPES } from '../claim-highlighter/labels.js';

const CSS = readFileSync(new URL('../claim-highlighter/claim-highlighter.css', import.meta.url), 'utf8');
const MINIMUM = 4.5;
/** Focus rings and outlines are not text: 3:1 against what is next to them (WCAG 1.4.11). */
const NON_TEXT_MINIMUM = 3;

/**
 * The Aura theme's colours the highlighter is drawn with (light scheme, contrast level 1), as
 * Aura 25.2 defines them: the palette tones, the app background, and the text colour Aura derives
 * from that background (lightness 0.2 - 0.05 × contrast level, chroma c × l × 0.8). When the
 * theme's sources are installed (after the frontend build) the next test checks they still say so.
 */
const AURA = {
  tones: {
    red: 'oklch(0.59 0.2 25)',
    orange: 'oklch(0.61 0.35 87)',
    yellow: 'oklch(0.89 0.3 98)',
    green: 'oklch(0.6 0.2 155)',
    blue: 'oklch(0.55 0.2 264)',
    purple: 'oklch(0.58 0.22 290)',
  },
  background: 'oklch(0.95 0.005 248)',
  text: 'oklch(0.15 0.0038 248)',
  /** Secondary text: the text colour at 65 % (min(95%, 60% + 5% × contrast level)). */
  secondaryAlpha: 0.65,
  accent: 'blue',
};

const AURA_SRC = new URL('../../node_modules/@vaadin/aura/src/', import.meta.url);

test('the Aura colours this test assumes are the theme’s (checked when the theme is installed)', (t) => {
  if (!existsSync(new URL('palette.css', AURA_SRC))) {
    t.diagnostic('node_modules/@vaadin/aura not installed: the theme is checked by the frontend build run');
    return;
  }
  const palette = readFileSync(new URL('palette.css', AURA_SRC), 'utf8');
  for (const [name, value] of Object.entries(AURA.tones)) {
    assert.match(palette, new RegExp(`--aura-${name}:\\s*${escape(value)};`), `--aura-${name}`);
  }
  const color = readFileSync(new URL('color.css', AURA_SRC), 'utf8');
  assert.match(color, new RegExp(`--aura-background-color-light:\\s*${escape(AURA.background)};`));
  assert.match(color, /--aura-accent-color-light:\s*var\(--aura-blue\);/);
  assert.match(color, /--aura-neutral-light:\s*oklch\(\s*from var\(--aura-background-color-light\) calc\(0\.2 - 0\.05 \* var\(--aura-contrast-level\)\) calc\(c \* l \* 0\.8\) h\s*\)/);
  assert.match(color, /--vaadin-text-color:\s*light-dark\(var\(--aura-neutral-light\), var\(--aura-neutral-dark\)\);/);
  assert.match(color, /--vaadin-text-color-secondary:\s*color-mix\(\s*in oklch,\s*var\(--vaadin-text-color\) min\(95%, 60% \+ 5% \* var\(--aura-contrast-level\)\),\s*transparent\s*\)/);
});

// --- the stylesheet ------------------------------------------------------------------------

/** A custom property's percentage in the highlighter's root rule, as a fraction. */
function tint(name) {
  const match = CSS.match(new RegExp(`${name}:\\s*([0-9.]+)%;`));
  assert.ok(match, `${name} is set in claim-highlighter.css`);
  return Number(match[1]) / 100;
}

/** The Aura tone a claim type is drawn in, as the stylesheet says. */
function toneOf(type) {
  const rule = CSS.match(new RegExp(`claim-highlighter mark\\.ch-mark\\[data-claim-type='${type}'\\][^{]*\\{([^}]*)\\}`));
  assert.ok(rule, `a rule for ${type} marks`);
  const tone = rule[1].match(/--ch-tone:\s*var\(--aura-([a-z]+)/);
  assert.ok(tone, `${type} takes an Aura tone`);
  assert.ok(tone[1] in AURA.tones, `--aura-${tone[1]} is a known tone`);
  return oklch(AURA.tones[tone[1]]);
}

test('the stylesheet draws every tint from the custom properties this test reads', () => {
  const uses = [
    'color-mix(in srgb, var(--ch-tone) var(--ch-tint), transparent)',
    'color-mix(in srgb, var(--ch-tone) var(--ch-tint-missed), transparent)',
    'color-mix(in srgb, var(--ch-tone) var(--ch-tint-calm), transparent)',
    'color-mix(in srgb, var(--ch-tone) var(--ch-tint-label), transparent)',
    'color-mix(in srgb, currentColor var(--ch-tint-cue), transparent)',
    'color-mix(in srgb, var(--aura-accent-color, Highlight) var(--ch-tint-pending), transparent)',
    'color-mix(in srgb, currentColor var(--ch-tint-claim-ref), transparent)',
  ];
  for (const use of uses) {
    assert.ok(CSS.includes(use), `claim-highlighter.css uses ${use}`);
  }
  // No mark's background is mixed at a fixed percentage this test would not see.
  const markBackgrounds = [...CSS.matchAll(/mark[^{]*\{[^}]*background-color:\s*color-mix\([^;]*\)/g)].map((m) => m[0]);
  for (const rule of markBackgrounds) {
    assert.doesNotMatch(rule.slice(rule.indexOf('background-color')), /\s[0-9.]+%/, `a fixed tint in: ${rule}`);
  }
});

// --- colour arithmetic -----------------------------------------------------------------------

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An `oklch(L C H)` colour as gamma-encoded sRGB channels 0..1, clipped to the sRGB gamut. */
function oklch(text) {
  const [l, c, h] = text.match(/oklch\(([^)]*)\)/)[1].trim().split(/\s+/).map(Number);
  const a = c * Math.cos((h * Math.PI) / 180);
  const b = c * Math.sin((h * Math.PI) / 180);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
  return linear.map((v) => {
    const x = Math.min(1, Math.max(0, v));
    return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
  });
}

/** A colour at `alpha` painted over `below` (both gamma sRGB), as the browser composites. */
function over(color, alpha, below) {
  return color.map((v, i) => alpha * v + (1 - alpha) * below[i]);
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// --- the combinations --------------------------------------------------------------------------

const TEXT = oklch(AURA.text);
const PAGES = { 'the app background': oklch(AURA.background), 'a white surface': [1, 1, 1] };
const ACCENT = oklch(AURA.tones[AURA.accent]);

/** Every background text is drawn on, by a readable name, over each page colour. */
function backgrounds() {
  const t = { tint: tint('--ch-tint'), missed: tint('--ch-tint-missed'), calm: tint('--ch-tint-calm'), label: tint('--ch-tint-label'), cue: tint('--ch-tint-cue'), pending: tint('--ch-tint-pending'), claimRef: tint('--ch-tint-claim-ref') };
  /** @type {Array<[string, number[]]>} */
  const all = [];
  for (const [page, base] of Object.entries(PAGES)) {
    all.push([`${page}`, base]);
    all.push([`the pending selection on ${page}`, over(ACCENT, t.pending, base)]);
    // The sources mode: a claim to link (neutral), a selection or caret inside it.
    const claimRef = over(TEXT, t.claimRef, base);
    all.push([`a claim to link on ${page}`, claimRef]);
    all.push([`the pending selection in a claim to link on ${page}`, over(ACCENT, t.pending, claimRef)]);
    for (const outer of CLAIM_TYPES) {
      const one = over(toneOf(outer), t.tint, base);
      all.push([`a ${outer} mark on ${page}`, one]);
      all.push([`a missed ${outer} claim on ${page}`, over(toneOf(outer), t.missed, base)]);
      all.push([`a calm ${outer} claim on ${page}`, over(toneOf(outer), t.calm, base)]);
      all.push([`the label of a ${outer} mark on ${page}`, over(toneOf(outer), t.label, base)]);
      all.push([`a cue word in a ${outer} claim on ${page}`, over(TEXT, t.cue, one)]);
      all.push([`the pending selection on a ${outer} mark on ${page}`, over(ACCENT, t.pending, one)]);
      for (const inner of CLAIM_TYPES) {
        const two = over(toneOf(inner), t.tint, one);
        all.push([`a ${inner} mark inside a ${outer} mark on ${page}`, two]);
        all.push([`a cue word in a ${inner} claim inside a ${outer} claim on ${page}`, over(TEXT, t.cue, two)]);
        for (const third of CLAIM_TYPES) {
          all.push([`a ${third} mark in a ${inner} mark in a ${outer} mark on ${page}`, over(toneOf(third), t.tint, two)]);
        }
      }
    }
  }
  return all;
}

test('the text has at least 4.5:1 on every tint, overlap, state and label of the overlays', () => {
  const all = backgrounds();
  assert.ok(all.length > 500, 'every combination is computed');
  const failing = all
    .map(([name, background]) => [name, contrast(TEXT, background)])
    .filter(([, ratio]) => ratio < MINIMUM)
    .map(([name, ratio]) => `${name}: ${ratio.toFixed(2)}:1`);
  assert.deepEqual(failing, [], `below ${MINIMUM}:1`);
});

test('secondary text (source labels, list notes) has at least 4.5:1 on the page', () => {
  for (const [page, base] of Object.entries(PAGES)) {
    const secondary = over(TEXT, AURA.secondaryAlpha, base);
    assert.ok(contrast(secondary, base) >= MINIMUM, `secondary text on ${page}: ${contrast(secondary, base).toFixed(2)}:1`);
  }
});

test('the focus ring and the jumped-to outline stand out 3:1 from the page and from every tint', () => {
  // --vaadin-focus-ring-color in Aura's light scheme: the accent at a lightness of at most 0.62.
  const ring = ACCENT;
  for (const [page, base] of Object.entries(PAGES)) {
    assert.ok(contrast(ring, base) >= NON_TEXT_MINIMUM, `focus ring on ${page}`);
    for (const type of CLAIM_TYPES) {
      const tinted = over(toneOf(type), tint('--ch-tint'), base);
      assert.ok(contrast(ring, tinted) >= NON_TEXT_MINIMUM, `focus ring on a ${type} mark on ${page}: ${contrast(ring, tinted).toFixed(2)}`);
    }
  }
});

test('the arithmetic: black on white is 21:1, a colour on itself 1:1, and a stronger tint has less contrast', () => {
  assert.equal(contrast([0, 0, 0], [1, 1, 1]).toFixed(1), '21.0');
  assert.equal(contrast(ACCENT, ACCENT), 1);
  const base = [1, 1, 1];
  const blue = oklch(AURA.tones.blue);
  assert.ok(contrast(TEXT, over(blue, 0.9, base)) < contrast(TEXT, over(blue, 0.16, base)));
  // A mid grey fails against the text: the check can fail.
  assert.ok(contrast(TEXT, over(TEXT, 0.7, base)) < MINIMUM);
});
