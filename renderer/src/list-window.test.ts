import { test } from 'node:test';
import assert from 'node:assert/strict';
import { navigate, scrollToReveal, visibleWindow } from './list-window.ts';

test('only the rows in view plus overscan are rendered, however long the list', () => {
  assert.deepEqual(visibleWindow(0, 480, 48, 10_000, 5), { start: 0, end: 16 });
  assert.deepEqual(visibleWindow(48 * 5000, 480, 48, 10_000, 5), { start: 4995, end: 5016 });
  assert.deepEqual(visibleWindow(48 * 9995, 480, 48, 10_000, 5), { start: 9990, end: 10_000 });
  assert.deepEqual(visibleWindow(0, 480, 48, 0), { start: 0, end: 0 });
  assert.deepEqual(visibleWindow(0, 0, 48, 3, 0), { start: 0, end: 1 }, 'a hidden list still renders a row');
});

test('revealing a row scrolls only when it is out of view', () => {
  assert.equal(scrollToReveal(3, 0, 480, 48), null);
  assert.equal(scrollToReveal(20, 0, 480, 48), 20 * 48 + 48 - 480);
  assert.equal(scrollToReveal(2, 480, 480, 48), 96);
});

test('navigation keys move the selection and stop at the ends', () => {
  assert.equal(navigate('ArrowDown', -1, 5, 3), 0);
  assert.equal(navigate('ArrowUp', -1, 5, 3), 4);
  assert.equal(navigate('ArrowDown', 4, 5, 3), 4);
  assert.equal(navigate('ArrowUp', 0, 5, 3), 0);
  assert.equal(navigate('Home', 3, 5, 3), 0);
  assert.equal(navigate('End', 0, 5, 3), 4);
  assert.equal(navigate('PageDown', 1, 5, 3), 4);
  assert.equal(navigate('PageUp', 4, 5, 3), 1);
  assert.equal(navigate('a', 1, 5, 3), null);
  assert.equal(navigate('ArrowDown', -1, 0, 3), null);
});
