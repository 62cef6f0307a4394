import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_LABELS, label, translated } from '../compare-work/labels.js';
import { NOT_A_COUNT } from '../compare-work/compare-state.js';

test('a label the server sends wins over the English default, with its placeholders filled', () => {
  const spanish = { remove: 'Quitar “{text}”' };
  assert.equal(label(spanish, 'remove', { text: 'reportedly' }), 'Quitar “reportedly”');
  assert.equal(label({}, 'remove', { text: 'reportedly' }), 'Remove “reportedly”');
});

test('a label the server lacks is shown in English', () => {
  assert.equal(label({ saved: 'Todo guardado' }, 'saving'), DEFAULT_LABELS.saving);
  assert.equal(label(null, 'saved'), 'All changes saved');
});

test('a sentence of the pure modules is translated by the English default it equals', () => {
  assert.equal(translated({ notACount: 'Un número entero' }, NOT_A_COUNT), 'Un número entero');
  assert.equal(translated({}, NOT_A_COUNT), NOT_A_COUNT);
});

test('a sentence of the server is shown as it is', () => {
  assert.equal(translated({ notACount: 'Un número entero' }, 'Ese paso ya está entregado.'), 'Ese paso ya está entregado.');
});
