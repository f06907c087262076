import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isJsonMediaType } from './media-type.ts';

test('both ICWS and plain JSON media types are accepted, parameters and case ignored', () => {
  assert.equal(isJsonMediaType('application/vnd.inin.icws+JSON;charset=utf-8'), true);
  assert.equal(isJsonMediaType('Application/JSON; charset=UTF-8'), true);
  assert.equal(isJsonMediaType('text/html'), false);
  assert.equal(isJsonMediaType(''), false);
  assert.equal(isJsonMediaType(undefined), false);
});
